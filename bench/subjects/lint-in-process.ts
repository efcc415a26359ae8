/** `node lint-in-process.js DIR`: parse + validate the YAML files of DIR, read beforehand (in-process timing). */
import { parseYamlDocuments, validateSources } from '../../lib/validate';
import { printTimed } from '../harness/timed';
import { readMeshFiles } from '../harness/yaml-files';

const files = readMeshFiles(process.argv[2]);
printTimed(() => {
  const sources = files.flatMap(({ file, text }) => parseYamlDocuments(text, file).sources);
  validateSources(sources);
  return sources.length;
});

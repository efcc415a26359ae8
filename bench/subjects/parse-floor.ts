/**
 * `node parse-floor.js DIR`: the parse floor of lint, js-yaml's loadAll of each file and
 * JSON.stringify of what it read. Timed in-process after reading, or as a whole process.
 */
import { loadAll } from 'js-yaml';
import { printTimed } from '../harness/timed';
import { readMeshFiles } from '../harness/yaml-files';

const files = readMeshFiles(process.argv[2]);
printTimed(() => {
  let objects = 0;
  for (const { text } of files) {
    const docs = loadAll(text).filter((d) => d !== null && d !== undefined);
    JSON.stringify(docs);
    objects += docs.length;
  }
  return objects;
});

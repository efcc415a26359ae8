/**
 * `node --import tsx test/util/retained-text.ts [validate]`: reads the benchmark mesh of 200
 * services as one stream, keeps the objects as lint keeps them (with their locators; with
 * `validate`, after validating them, which locates every finding), and prints as JSON how many
 * strings of the heap still hold a marker comment written into every document: comments are in
 * no object, so any such string is the text itself (a batch of it), kept alive by what was kept.
 */
import { getHeapSnapshot } from 'v8';
import { meshYamlChunks } from '../../bench/mesh-yaml';
import { validateSources } from '../../lib/validate';
import { readYamlStream } from '../../lib/validate/yaml-stream';

const MARK = '# only-in-the-text';

/** Made as they are read: the only copy of the text is the stream's. */
async function* chunks(): AsyncGenerator<string> {
  for (const chunk of meshYamlChunks({ services: 200 })) yield chunk.split('\n---\n').join(`\n---\n${MARK}\n`);
}

async function heapStrings(): Promise<string[]> {
  const snapshot = await new Promise<string>((resolve, reject) => {
    let text = '';
    getHeapSnapshot().setEncoding('utf8').on('data', (d: string) => { text += d; }).on('end', () => resolve(text)).on('error', reject);
  });
  return (JSON.parse(snapshot) as { strings: string[] }).strings;
}

async function main(): Promise<void> {
  const parsed = await readYamlStream(chunks(), 'mesh.yaml', { batchChars: 16 * 1024 });
  const located = process.argv[2] === 'validate' ? validateSources(parsed.sources).filter((f) => f.column !== undefined).length : 0;
  const holding = (await heapStrings()).filter((s) => s.includes(MARK) && s.includes('apiVersion:')).length;
  process.stdout.write(`${JSON.stringify({ objects: parsed.sources.length, located, holding })}\n`);
}

void main();

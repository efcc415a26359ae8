/**
 * `node --import tsx test/util/retained-text.ts`: reads a multi-document stream, keeps the objects
 * as lint keeps them (with their locators, none asked yet), and prints as JSON how many strings of
 * the heap still hold a comment line of the input: comments are in no object, so any such string
 * is the text itself, kept alive by what was kept.
 */
import { getHeapSnapshot } from 'v8';
import { readYamlStream } from '../../lib/validate/yaml-stream';

const MARK = 'only-in-the-text';
/** Made as they are read: the only copy of each document is the stream's. */
const documentAt = (i: number) => [
  '---',
  `# ${MARK} ${i}`,
  'apiVersion: v1',
  'kind: ConfigMap',
  `metadata: {name: config-${i}, namespace: team-${i % 3}}`,
  'data:',
  `  key: "value number ${i} is long enough to be sliced from its text"`,
].join('\n');

async function* chunks(): AsyncGenerator<string> {
  for (let i = 0; i < 400; i++) yield `${documentAt(i)}\n`;
}

async function main(): Promise<void> {
  const parsed = await readYamlStream(chunks(), 'stream.yaml', { batchChars: 4096 });
  const snapshot = await new Promise<string>((resolve, reject) => {
    let text = '';
    getHeapSnapshot().setEncoding('utf8').on('data', (d: string) => { text += d; }).on('end', () => resolve(text)).on('error', reject);
  });
  const strings = (JSON.parse(snapshot) as { strings: string[] }).strings;
  const holding = strings.filter((s) => s.includes(`# ${MARK}`) && s.includes('kind: ConfigMap')).length;
  process.stdout.write(`${JSON.stringify({ objects: parsed.sources.length, holding })}\n`);
}

void main();

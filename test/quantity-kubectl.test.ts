import { execFile } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { parseQuantity } from '../lib/core/quantity';

const run = promisify(execFile);

/** Whether kubectl is installed; it parses quantities offline (`kubectl set resources --local`). */
async function kubectlAvailable(): Promise<boolean> {
  try {
    await run('kubectl', ['version', '--client', '-o', 'json']);
    return true;
  } catch {
    return false;
  }
}

/** Quantity texts of every shape: number forms, every suffix, exponents, near misses. */
const TEXTS = [
  '1', '250m', '0.5', '.5', '5.', '+1', '-1', '1e3', '1E3', '1e-3', '1e+3', '2Ki', '2Mi', '1.5Gi', '3Ti', '1Pi', '1Ei', '1n', '1u', '1k', '1M', '1G', '1T', '1P', '1E',
  'lots', '1mi', '1KB', '1K', '1 Mi', '', 'Mi', '0x10', '1e', 'e3', '1.2.3', '--1', '1Gi ', ' 1', '1e3Mi', '1ki', '.', '+', '1.5e2',
];

describe('quantity grammar, differential against kubectl', () => {
  test('kubectl decodes a quantity exactly when parseQuantity does, to the same value (zero forms aside)', async () => {
    if (!(await kubectlAvailable())) {
      process.stdout.write('skipped: kubectl is not installed, so the quantity grammar has no oracle here\n');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'istio-grpc-quantity-'));
    // kubectl decodes the file as the API server does (Quantity's JSON decoding), offline.
    const verdicts = await Promise.all(TEXTS.map(async (text, i) => {
      const file = join(dir, `d${i}.json`);
      writeFileSync(file, JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'q' },
        spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: text } } }] } } },
      }));
      try {
        const { stdout } = await run('kubectl', ['set', 'resources', '--local', '-f', file, '--requests=memory=1', '-o', 'jsonpath={.spec.template.spec.containers[0].resources.limits.cpu}']);
        return { text, decoded: stdout.trim() };
      } catch {
        return { text, decoded: undefined };
      }
    }));
    const disagreements = verdicts.filter(({ text, decoded }) => {
      const ours = parseQuantity(text);
      // apimachinery reads a bare suffix or sign ("Mi", "+", ".") as 0; we refuse those, and zero is refused anyway.
      if (decoded === '0' && ours === undefined) return false;
      if (decoded === undefined || ours === undefined) return (decoded === undefined) !== (ours === undefined);
      return Math.abs(parseQuantity(decoded)!.value - ours.value) > 1e-9 * Math.max(1, Math.abs(ours.value));
    });
    expect(disagreements).toStrictEqual([]);
    // The corpus holds both kinds, so the comparison cannot pass vacuously.
    expect(verdicts.filter((v) => v.decoded !== undefined).length).toBeGreaterThan(10);
    expect(verdicts.filter((v) => v.decoded === undefined).length).toBeGreaterThan(10);
  }, 60_000);
});

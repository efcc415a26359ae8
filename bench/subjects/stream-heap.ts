/**
 * `node --expose-gc stream-heap.js FILE`: what lint holds of one large input. Reads FILE as lint
 * does, then validates it, collecting garbage after each step, and prints the live heap (MiB)
 * after reading (the objects kept for cross-object analysis: the index) and after validating
 * (the index plus what locating findings kept), with the external memory (compressed text, when
 * the input cannot be read again).
 */
import { readLintInputs } from '../../lib/cli/lint-inputs';
import { validateSources } from '../../lib/validate/engine';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
/** Collects garbage once the buffers read are released (they are, a turn of the event loop later). */
const collect = async () => {
  await new Promise((resolve) => setImmediate(resolve));
  gc!();
};
const mib = (bytes: number) => bytes / 2 ** 20;

async function main(): Promise<void> {
  await collect();
  const before = process.memoryUsage();
  const inputs = await readLintInputs([process.argv[2]], process.stdin);
  await collect();
  const read = process.memoryUsage();
  const findings = validateSources(inputs.sources);
  await collect();
  const validated = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({
    objects: inputs.sources.length,
    findings: findings.length,
    liveHeapAfterReadMiB: mib(read.heapUsed - before.heapUsed),
    liveHeapAfterValidateMiB: mib(validated.heapUsed - before.heapUsed),
    externalMiB: mib(validated.external - before.external),
  })}\n`);
}

void main();

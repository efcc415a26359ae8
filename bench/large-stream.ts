/**
 * `npx tsx bench/large-stream.ts [MiB]`: one large input, as one stream. Writes a benchmark mesh of
 * about MiB mebibytes (default 500) as a single multi-document YAML file, then measures:
 * - the live heap of what lint keeps (bench/subjects/stream-heap.ts): the objects kept for
 *   cross-object analysis (the index) after reading, and after validating and locating findings;
 * - `istio-grpc lint` as a whole process of the compiled CLI (time, CPU time, peak RSS by GNU
 *   time), once with the default heap and once with the old space capped at the index plus a
 *   fixed margin, beside the size of the largest document.
 * lint reads the file as a stream of documents, so it needs the index plus a batch of documents,
 * not the file. Figures go to bench-results/large-stream-MiB.json.
 */
import { spawnSync } from 'child_process';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { cpus, loadavg, tmpdir, totalmem } from 'os';
import { join } from 'path';
import { createInterface } from 'readline';
import { compilePackageTree } from './harness/build';
import { writeMeshYaml } from './mesh-yaml';

const ROOT = join(__dirname, '..');
/** Bytes of YAML per benchmark service (canary included, an ingress every tenth), measured. */
const BYTES_PER_SERVICE = 7_030;

/** Heap lint may use beyond the index in the capped run (MiB): the engine's own indexes and one batch. */
const CAP_MARGIN_MIB = 512;

/** `istio-grpc lint FILE` as a whole process (GNU time), optionally with the old space capped. */
function lintOnce(dist: string, file: string, heapMiB?: number) {
  const heap = heapMiB ? [`--max-old-space-size=${heapMiB}`] : [];
  const start = process.hrtime.bigint();
  const res = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M cpu=%U+%S', process.execPath, ...heap, join(dist, 'lib/cli/main.js'), 'lint', '--format', 'json', file], {
    encoding: 'utf8', maxBuffer: 512 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (res.status !== 0 && res.status !== 1) throw new Error(`lint failed (${res.status}): ${res.stderr.slice(-2000)}`);
  const cpu = /cpu=([\d.]+)\+([\d.]+)/.exec(res.stderr);
  return {
    ms,
    cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN,
    peakRssMiB: Number(/maxrss=(\d+)/.exec(res.stderr)?.[1]) / 1024,
    findings: (JSON.parse(res.stdout) as { findings: unknown[] }).findings.length,
  };
}

/** The live heap of the objects lint keeps, after reading and after validating (bench/subjects/stream-heap.ts). */
interface StreamHeap { objects: number; liveHeapAfterReadMiB: number; liveHeapAfterValidateMiB: number; externalMiB: number }

function heapOf(dist: string, file: string): StreamHeap {
  const res = spawnSync(process.execPath, ['--expose-gc', join(dist, 'bench/subjects/stream-heap.js'), file], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`stream-heap failed (${res.status}): ${res.stderr.slice(-2000)}`);
  return JSON.parse(res.stdout.trim().split('\n').pop()!);
}

/** The largest document of a multi-document file, in bytes, read line by line. */
async function largestDocument(file: string): Promise<number> {
  let largest = 0;
  let current = 0;
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (line === '---') {
      largest = Math.max(largest, current);
      current = 0;
    } else {
      current += Buffer.byteLength(line) + 1;
    }
  }
  return Math.max(largest, current);
}

async function main(): Promise<void> {
  const mib = Number(process.argv[2] ?? 500);
  const services = Math.round((mib * 2 ** 20) / BYTES_PER_SERVICE);
  // Its own build: a bench run meanwhile rewrites bench-results/dist under a process that loads lazily.
  const dist = join(ROOT, 'bench-results', 'large-stream-dist');
  compilePackageTree(ROOT, dist);
  const dir = mkdtempSync(join(tmpdir(), 'large-stream-'));
  try {
    const file = join(dir, `mesh-${services}.yaml`);
    await writeMeshYaml(file, { services });
    const bytes = statSync(file).size;
    const largest = await largestDocument(file);
    const lint = (heapMiB?: number) => lintOnce(dist, file, heapMiB);
    const heap = heapOf(dist, file);
    // Capped at the index plus a fixed margin: if lint also held the text, or grew with the
    // findings it locates, it would run out of heap here.
    const capMiB = Math.ceil(heap.liveHeapAfterReadMiB + CAP_MARGIN_MIB);
    const figures = {
      machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
      services,
      mib: bytes / 2 ** 20,
      largestDocumentBytes: largest,
      ...heap,
      defaultHeap: lint(),
      cappedHeap: { maxOldSpaceMiB: capMiB, ...lint(capMiB) },
      loadAverage: loadavg()[0],
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench-results', `large-stream-${mib}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

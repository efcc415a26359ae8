import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'fs';
import { join } from 'path';
import { BenchContext } from './types';

/** Services generated per process (memory stays bounded however large the mesh). */
const SLICE = 1_000;
/** Services per YAML file: each file (about 34 MB) stays under lint's 64 MiB per-file cap. */
const PER_FILE = 5_000;

function node(ctx: BenchContext, script: string, ...args: string[]): void {
  const child = spawnSync(process.execPath, [join(ctx.dist, script), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (child.status !== 0) throw new Error(`input generation failed: node ${script} ${args.join(' ')}`);
}

/** The directory of YAML files holding a mesh of `services` services, generated once. */
export function meshDir(ctx: BenchContext, services: number): string {
  const dir = join(ctx.inputs, `mesh-${services}`);
  if (existsSync(dir)) return dir;
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  process.stderr.write(`generating the ${services}-service mesh...\n`);
  for (let first = 0; first < services; first += SLICE) {
    const file = join(partial, `part-${String(Math.floor(first / PER_FILE)).padStart(3, '0')}.yaml`);
    node(ctx, 'bench/subjects/write-mesh.js', String(first), String(Math.min(SLICE, services - first)), file);
  }
  renameSync(partial, dir);
  return dir;
}

/** A JSON array of the objects of a `services`-service mesh, generated once. */
export function objectsFile(ctx: BenchContext, services: number): string {
  const file = join(ctx.inputs, `objects-${services}.json`);
  if (!existsSync(file)) {
    mkdirSync(ctx.inputs, { recursive: true });
    node(ctx, 'bench/subjects/write-objects.js', String(services), `${file}.partial`);
    renameSync(`${file}.partial`, file);
  }
  return file;
}

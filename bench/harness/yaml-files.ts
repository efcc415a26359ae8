import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

/** The YAML files of a generated mesh directory, in order, with their text (read untimed). */
export function readMeshFiles(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

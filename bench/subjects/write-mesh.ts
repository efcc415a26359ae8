/**
 * `node write-mesh.js FIRST COUNT FILE`: appends services FIRST.. of the benchmark mesh, as
 * multi-document YAML, to FILE (an input generator, not measured).
 */
import { appendFileSync } from 'fs';
import { buildServiceRange } from '../mesh-range';

const [first, count, file] = process.argv.slice(2);
appendFileSync(file, `${buildServiceRange(Number(first), Number(count)).synthYaml()}\n---\n`);

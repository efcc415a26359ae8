/**
 * `node write-objects.js SERVICES FILE`: writes the objects of the benchmark mesh as a JSON
 * array, from which the baseline and the reference validators start (not measured).
 */
import { writeFileSync } from 'fs';
import { buildServiceRange } from '../mesh-range';

const [services, file] = process.argv.slice(2);
writeFileSync(file, JSON.stringify(buildServiceRange(0, Number(services)).charts.flatMap((c) => c.toJson())));

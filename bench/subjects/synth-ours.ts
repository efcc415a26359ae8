/** `node synth-ours.js SERVICES`: our constructs, validated at synth, to YAML (in-process timing). */
import { printTimed } from '../harness/timed';
import { buildServiceRange } from '../mesh-range';

const services = Number(process.argv[2]);
printTimed(() => buildServiceRange(0, services).synthYaml().split('\n---\n').length);

/**
 * `node synth-baseline.js OBJECTS.json`: the same objects as raw cdk8s ApiObjects built from
 * pre-rendered JSON, in a process that never loads our constructs, to YAML (in-process timing).
 */
import { readFileSync } from 'fs';
import { buildBaseline } from '../baseline';
import { printTimed } from '../harness/timed';

const objects = JSON.parse(readFileSync(process.argv[2], 'utf8')) as unknown[];
printTimed(() => buildBaseline(objects).synthYaml().split('\n---\n').length);

/** `node validate-ours.js OBJECTS.json`: our whole validation engine over the Istio objects (in-process timing). */
import { readFileSync } from 'fs';
import { validateObjects } from '../../lib/validate';
import { istioObjects } from '../harness/istio-objects';
import { printTimed } from '../harness/timed';

const objects = istioObjects(JSON.parse(readFileSync(process.argv[2], 'utf8')));
printTimed(() => {
  validateObjects(objects);
  return objects.length;
});

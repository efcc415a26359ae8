/**
 * `node validate-kubernetes-models.js OBJECTS.json`: @kubernetes-models/istio's validate() (its
 * models check JSON schemas generated from the same CRDs) over the Istio objects, in-process timing.
 */
import { readFileSync } from 'fs';
import { istioObjects } from '../harness/istio-objects';
import { printTimed } from '../harness/timed';

interface Model { validate(): void }
type ModelClass = new (data: unknown) => Model;

async function main(): Promise<void> {
  const objects = istioObjects(JSON.parse(readFileSync(process.argv[2], 'utf8')));
  // The package is ESM only: loaded with a real import(), untimed.
  const modules: Record<string, Record<string, unknown>> = {
    'networking.istio.io/v1': await import('@kubernetes-models/istio/networking.istio.io/v1'),
    'security.istio.io/v1': await import('@kubernetes-models/istio/security.istio.io/v1'),
  };
  const classOf = (o: any) => modules[o.apiVersion]?.[o.kind] as ModelClass | undefined;
  const missing = objects.filter((o) => !classOf(o)).map((o) => `${o.apiVersion} ${o.kind}`);
  if (missing.length) throw new Error(`no model for ${[...new Set(missing)].join(', ')}`);
  printTimed(() => {
    for (const o of objects) new (classOf(o)!)(o).validate();
    return objects.length;
  });
}

void main();

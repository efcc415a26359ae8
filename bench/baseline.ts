import { ApiObject, App, Chart } from 'cdk8s';

/**
 * The baseline: the very same objects as raw cdk8s ApiObjects, with no layer and no validation.
 * This file imports cdk8s alone, so a baseline process never loads our constructs.
 */
export function buildBaseline(objects: readonly any[]): App {
  const app = new App({ outdir: '/tmp/istio-grpc-bench' });
  const chart = new Chart(app, 'mesh');
  objects.forEach((o, i) => new ApiObject(chart, `o${i}`, o));
  return app;
}

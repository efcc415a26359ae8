import { once } from 'events';
import { createWriteStream } from 'fs';
import { App, Chart } from 'cdk8s';
import { BENCH_FEATURES } from './features';
import { benchServiceProps } from './mesh';
import { GrpcMeshService } from '../lib';

/** Options of the mesh YAML generator. */
export interface MeshYamlOptions {
  /** Services in the mesh. */
  readonly services: number;
  /**
   * Namespaces the services are spread over (`team-0` ... `team-N-1`).
   * @default 10
   */
  readonly namespaces?: number;
  /**
   * Every service gets a canary (a second Deployment and a 90/10 split).
   * @default true
   */
  readonly canaries?: boolean;
  /**
   * Every n-th service gets an ingress with TLS; 0 for none.
   * @default 10
   */
  readonly ingressEvery?: number;
}

/**
 * The YAML of a benchmark mesh, one service at a time, as the constructs synthesize it. Building
 * 50,000 services through cdk8s takes many minutes, so one service of each shape (with or without
 * canary and ingress) is synthesized once and renamed for every service: the output is what
 * `buildOurs` would print for the same services (test/bench-mesh-yaml.test.ts checks it).
 */
export function* meshYamlChunks(options: MeshYamlOptions): Generator<string> {
  const namespaces = options.namespaces ?? 10;
  const ingressEvery = options.ingressEvery ?? 10;
  const templates = new Map<string, string>();
  for (let i = 0; i < options.services; i++) {
    const canary = options.canaries ?? true;
    const ingress = ingressEvery > 0 && i % ingressEvery === 0;
    const shape = `${canary}/${ingress}`;
    let template = templates.get(shape);
    if (template === undefined) {
      template = templateOf(canary, ingress);
      templates.set(shape, template);
    }
    const rename = template
      .replace(/svc-0(?![0-9])/g, `svc-${i}`)
      .replace(/Service0(?![0-9])/g, `Service${i}`)
      .replace(/team-0(?![0-9])/g, `team-${i % namespaces}`);
    yield (i === 0 ? '' : '---\n') + rename;
  }
}

/** The whole mesh as one YAML text. */
export function meshYaml(options: MeshYamlOptions): string {
  return [...meshYamlChunks(options)].join('');
}

/** Writes the mesh to a file without holding it in memory. */
export async function writeMeshYaml(path: string, options: MeshYamlOptions): Promise<void> {
  const out = createWriteStream(path);
  for (const chunk of meshYamlChunks(options)) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Service 0 (namespace team-0) with the features asked for, synthesized. */
function templateOf(canary: boolean, ingress: boolean): string {
  const app = new App({ outdir: '/tmp/istio-grpc-bench' });
  const chart = new Chart(app, 'mesh');
  const service = new GrpcMeshService(chart, 'svc-0', benchServiceProps(0));
  const [withCanary, withIngress] = BENCH_FEATURES;
  if (canary) withCanary(chart, service, 0);
  if (ingress) withIngress(chart, service, 0);
  return app.synthYaml();
}

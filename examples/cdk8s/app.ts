import { App, Chart, YamlOutputType } from 'cdk8s';
import { MESH_SERVICE_SCENARIOS } from './scenarios';
import { GrpcMeshService } from '../../lib';

/** Extra scenario builders (canary, ingress, proto-driven) register here. */
export type ScenarioBuilder = (app: App) => void;

/** Builds the example app: one chart per scenario, synthesized to `<outdir>/<chart>.k8s.yaml`. */
export function buildExampleApp(outdir: string, extra: readonly ScenarioBuilder[] = []): App {
  const app = new App({ outdir, yamlOutputType: YamlOutputType.FILE_PER_CHART });
  for (const scenario of MESH_SERVICE_SCENARIOS) {
    const chart = new Chart(app, scenario.id);
    new GrpcMeshService(chart, scenario.props.name, scenario.props);
  }
  for (const build of extra) build(app);
  return app;
}

import { drainOutlastsGrace } from '../../../core/connection-lifecycle-rules';
import { LIFECYCLE_DEFAULTS } from '../../../core/lifecycle-defaults';
import { EXIT_ON_ZERO_ACTIVE_CONNECTIONS } from '../../../core/render/lifecycle';
import { parseYamlDocuments } from '../../yaml-documents';
import { Analyzer } from '../analyzer';
import { MeshConfig } from '../mesh-config';
import { Workload } from '../mesh-index';
import { IGR } from '../messages';
import { jsonOf, listOf, objOf } from '../objects';
import { millisOf } from './lifecycle-inputs';

/** A preStop command that sleeps: `sleep 5`, also inside `sh -c "...; sleep 5"`. */
const SLEEP_COMMAND = /(?:^|[\s;&|(])sleep\s+(\d+(?:\.\d+)?)s?(?=$|[\s;&|)])/;

/**
 * IGR3102: a pod whose preStop sleep, or whose sidecar's fixed drain (terminationDrainDuration
 * without EXIT_ON_ZERO_ACTIVE_CONNECTIONS), does not end within its termination grace period.
 */
export const drainGraceAnalyzer: Analyzer = {
  name: 'lifecycle.DrainGraceAnalyzer',
  inputs: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'],
  analyze({ index, mesh, report }) {
    for (const w of index.workloads) {
      if (!w.object || w.assumed) continue;
      const base = w.object.kind === 'Pod' ? 'spec' : 'spec.template.spec';
      const grace = typeof w.podSpec.terminationGracePeriodSeconds === 'number' ? w.podSpec.terminationGracePeriodSeconds * 1000 : LIFECYCLE_DEFAULTS.kubernetesGraceSeconds * 1000;
      const preStops = listOf(w.podSpec.containers).map(objOf).map((c, i) => ({ i, millis: preStopMillis(c) }));
      const longest = preStops.reduce((a, b) => (b.millis > a.millis ? b : a), { i: -1, millis: 0 });
      const proxy = w.inMesh ? proxyDrain(w, mesh) : { exitOnZeroActiveConnections: true };
      const problem = drainOutlastsGrace({ grace, preStop: longest.millis, ...proxy });
      if (!problem) continue;
      const path = longest.millis >= grace ? `${base}.containers[${longest.i}].lifecycle.preStop` : `${base}.terminationGracePeriodSeconds`;
      report(IGR.DRAIN_OUTLASTS_GRACE_PERIOD, w.object, `${problem}; raise terminationGracePeriodSeconds above the preStop delay plus the drain, or set proxyMetadata EXIT_ON_ZERO_ACTIVE_CONNECTIONS: "true"`, path);
    }
  },
};

/** Milliseconds a container's preStop hook sleeps (sleep action or a sleep command). */
function preStopMillis(container: Record<string, any>): number {
  if (container.name === 'istio-proxy') return 0;
  const preStop = objOf(objOf(container.lifecycle).preStop);
  const seconds = objOf(preStop.sleep).seconds;
  if (typeof seconds === 'number') return seconds * 1000;
  const command = listOf(objOf(preStop.exec).command).map(String).join(' ');
  const match = SLEEP_COMMAND.exec(command);
  return match ? Math.round(Number(match[1]) * 1000) : 0;
}

/** The sidecar's drain: the pod's proxy config annotation over the mesh's defaultConfig. */
function proxyDrain(w: Workload, mesh: MeshConfig): { drain?: number; exitOnZeroActiveConnections: boolean } {
  const pod = proxyConfigOf(w.annotations['proxy.istio.io/config']);
  const defaults = objOf(mesh.raw.defaultConfig);
  const drain = millisOf(pod.terminationDrainDuration ?? defaults.terminationDrainDuration) ?? LIFECYCLE_DEFAULTS.istioDrainMillis;
  const flag = objOf(pod.proxyMetadata)[EXIT_ON_ZERO_ACTIVE_CONNECTIONS] ?? objOf(defaults.proxyMetadata)[EXIT_ON_ZERO_ACTIVE_CONNECTIONS];
  return { drain, exitOnZeroActiveConnections: String(flag).toLowerCase() === 'true' };
}

/** The pod's ProxyConfig annotation: JSON (what the constructs write) read directly, else YAML. */
function proxyConfigOf(text: string | undefined): Record<string, any> {
  if (text === undefined) return {};
  const json = jsonOf(text);
  if (json) return json;
  const parsed = parseYamlDocuments(text, 'proxy.istio.io/config');
  return objOf(parsed.problems.length ? undefined : parsed.sources[0]?.object);
}

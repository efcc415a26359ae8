import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { stringLabels } from '../objects';

/** The Gateway API release a CRD comes from, as the Gateway API project annotates its CRDs. */
const BUNDLE_VERSION_ANNOTATION = 'gateway.networking.k8s.io/bundle-version';

/** The oldest Gateway API CRD release Istio processes, per CRD (Istio's pkg/config/schema/gatewayapi). */
const MINIMUM_VERSIONS: Readonly<Record<string, readonly [number, number, number]>> = {
  'grpcroutes.gateway.networking.k8s.io': [1, 1, 0],
  'backendtlspolicies.gateway.networking.k8s.io': [1, 4, 0],
  'tlsroutes.gateway.networking.k8s.io': [1, 5, 0],
  'tcproutes.gateway.networking.k8s.io': [1, 6, 0],
};

/** IST0176: Gateway API CRDs older than Istio supports (resources of that kind are ignored). */
export const crdVersionAnalyzer: Analyzer = {
  name: 'k8sgateway.CRDVersionAnalyzer',
  inputs: ['CustomResourceDefinition'],
  analyze({ index, report }) {
    for (const crd of index.of('CustomResourceDefinition')) {
      const minimum = MINIMUM_VERSIONS[crd.metadata.name];
      const bundle = stringLabels(crd.metadata.annotations)[BUNDLE_VERSION_ANNOTATION];
      if (!minimum || bundle === undefined) continue;
      const installed = parseVersion(bundle);
      if (!installed || compare(installed, minimum) >= 0) continue;
      report(IST.GatewayAPICRDVersionBelowMinimum, crd,
        `Gateway API CRD ${crd.metadata.name} is at ${bundle}, older than ${minimum.join('.')}, so Istio ignores resources of this kind; upgrade the Gateway API CRDs`,
        'metadata.annotations');
    }
  },
};

/** Major, minor, patch of a semantic version (`v` prefix and missing parts allowed, pre-release ignored). */
function parseVersion(text: string): [number, number, number] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

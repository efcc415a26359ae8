import * as fc from 'fast-check';
import { validateObjects } from '../lib/validate/engine';

const vs = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name, namespace: 'shop' }, spec });
// Pod Security warnings (IGR40xx) are left out: these cases are about which objects are analyzed.
const codes = (findings: readonly { code: string; resource: { name: string } }[]) => findings
  .filter((f) => !f.code.startsWith('IGR40')).map((f) => `${f.code} ${f.resource.name}`).sort();

// A VirtualService the webhook refuses (retryOn with a space) that routes to a host nobody defines.
const REFUSED = vs('refused', {
  hosts: ['users.shop.svc.cluster.local'],
  http: [{ route: [{ destination: { host: 'nowhere.shop.svc.cluster.local' } }], retries: { attempts: 2, retryOn: 'unavailable, cancelled' } }],
});

describe('engine: which objects the analyzers see', () => {
  test('by default, as istioctl analyze: rejected objects are analyzed too, and both findings are reported', () => {
    // WHEN
    const found = codes(validateObjects([REFUSED]));
    // THEN the webhook finding and the analyzer finding on the same object
    expect(found).toStrictEqual(['IST0101 refused', 'IST0106 refused']);
  });

  test('a schema-invalid object is analyzed too (a Pod without an image still selects and is selected)', () => {
    // GIVEN a Pod the API server refuses and a DestinationRule whose subset selects it
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'users-1', namespace: 'shop', labels: { app: 'users', version: 'v1' } }, spec: { containers: [{ name: 'app' }] } };
    const pod2 = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'users-2', namespace: 'shop', labels: { app: 'users', version: 'v2' } }, spec: { containers: [{ name: 'app', image: 'users:2' }] } };
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'users', namespace: 'shop' }, spec: { selector: { app: 'users' }, ports: [{ name: 'grpc', port: 8080 }] } };
    const dr = { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'users', namespace: 'shop' }, spec: { host: 'users', subsets: [{ name: 'v1', labels: { version: 'v1' } }] } };
    // WHEN
    const istioctl = codes(validateObjects([pod, pod2, svc, dr]));
    const cluster = codes(validateObjects([pod, pod2, svc, dr], { view: 'cluster' }));
    // THEN only the cluster view, where the Pod was never stored, says the subset selects no pod
    expect(istioctl).toStrictEqual(['IGR1008 users-1']);
    expect(cluster).toStrictEqual(['IGR1008 users-1', 'IST0173 users']);
  });

  test('the cluster view analyzes only what the API server and the webhook would store', () => {
    expect(codes(validateObjects([REFUSED], { view: 'cluster' }))).toStrictEqual(['IST0106 refused']);
  });

  test('analysis never throws and never hides the schema findings, whatever the shape of the spec', () => {
    // Objects of every Istio kind with arbitrary specs: validation must return findings, not throw.
    const kinds = ['VirtualService', 'DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar'];
    fc.assert(fc.property(fc.constantFrom(...kinds), fc.anything({ maxDepth: 3 }), (kind, spec) => {
      const findings = validateObjects([{ apiVersion: 'networking.istio.io/v1', kind, metadata: { name: 'x', namespace: 'shop' }, spec }]);
      expect(findings.every((f) => f.code !== 'IGR0003')).toBe(true);
    }), { numRuns: 200 });
  });
});

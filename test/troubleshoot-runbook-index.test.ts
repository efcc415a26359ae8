import fc from 'fast-check';
import { KubeObject } from '../lib/core/kube-object';
import { serviceKeysOfHost } from '../lib/troubleshoot/runbook-index';
import { buildRunbookModels, hostNamesService } from '../lib/troubleshoot/runbook-model';

const label = fc.constantFrom('a', 'b', 'svc', 'shop', 'users', 'cluster', 'local');

test('the index files a host under exactly the Services hostNamesService says it names', () => {
  const host = fc.array(fc.oneof(label, fc.constantFrom('A', 'USERS', '', '*')), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.'));
  fc.assert(fc.property(host, label, label, label, (h, objNs, name, namespace) => {
    expect(serviceKeysOfHost(h, objNs).includes(`${namespace}/${name}`)).toBe(hostNamesService(h, objNs, name, namespace));
  }), { numRuns: 5000 });
});

test('among thousands of Services in one namespace, each finds exactly its own objects through the index', () => {
  // GIVEN 3,000 Services in one namespace, each with a Deployment, DestinationRule and VirtualService
  const objects: KubeObject[] = [];
  for (let i = 0; i < 3000; i++) {
    const name = `s${i}`;
    objects.push({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'shop' }, spec: { selector: { app: name }, ports: [{ name: 'grpc', port: 50051 }] } });
    objects.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'shop' }, spec: { template: { metadata: { labels: { app: name, version: 'v1' } } } } });
    objects.push({ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name, namespace: 'shop' }, spec: { host: `${name}.shop.svc.cluster.local`, subsets: [{ name: 'v1', labels: { version: 'v1' } }] } });
    objects.push({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name, namespace: 'shop' }, spec: { hosts: [name], http: [{ route: [{ destination: { host: name, subset: 'v1' } }] }] } });
  }
  // WHEN
  const models = buildRunbookModels(objects);
  // THEN each model holds exactly its own objects
  expect(models).toHaveLength(3000);
  for (const m of models) {
    expect(m.workloads.map((w) => w.name)).toStrictEqual([m.name]);
    expect(m.destinationRule?.name).toBe(m.name);
    expect(m.virtualServices.map((v) => v.name)).toStrictEqual([m.name]);
  }
});

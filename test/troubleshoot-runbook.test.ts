import { readFileSync } from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { KubeObject } from '../lib/core/kube-object';
import { renderRunbooks } from '../lib/troubleshoot/runbook';
import { buildRunbookModels, grpcPortProtocol, hostNamesService } from '../lib/troubleshoot/runbook-model';

const SHOP = parseAllDocuments(readFileSync(path.join(__dirname, 'fixtures', 'runbook', 'shop.yaml'), 'utf8'))
  .map((d) => d.toJS() as KubeObject);

function service(name: string, ports: object[], namespace = 'shop'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector: { app: name }, ports } };
}

describe('renderRunbooks', () => {
  test('one runbook for the gRPC Service of a Service + DR + VS + Gateway + Deployments set', () => {
    // WHEN
    const runbooks = renderRunbooks(SHOP);
    // THEN the http Service gets none, the gRPC one gets the pinned runbook
    expect(runbooks.map((r) => [r.namespace, r.serviceName, r.fileName])).toStrictEqual([['shop', 'users', 'shop.users.runbook.md']]);
    expect(runbooks[0].markdown).toMatchSnapshot();
  });

  test('names the exact commands, clusters and workloads', () => {
    const md = renderRunbooks(SHOP)[0].markdown;
    expect(md).toContain("istioctl x describe service 'users' -n 'shop'");
    expect(md).toContain('istioctl proxy-config cluster "$CLIENT_POD" -n \'shop\' --fqdn \'users.shop.svc.cluster.local\' -o json');
    expect(md).toContain('istioctl proxy-config endpoint "$CLIENT_POD" -n \'shop\' --cluster \'outbound|50051|v2|users.shop.svc.cluster.local\'');
    expect(md).toContain('istioctl proxy-config route "$CLIENT_POD" -n \'shop\' --name \'50051\' -o json');
    expect(md).toContain('kubectl logs "$SERVER_POD" -c istio-proxy -n \'shop\'');
    expect(md).toContain("istioctl analyze -n 'shop'");
    expect(md).toContain('`circuitBreakers.thresholds[0]` has `maxConnections: 100`, `maxRequests: 1000`');
    expect(md).toMatch(/vs_shop_users -->\|"all calls · 10%"\| subset_v2/);
    expect(md).toMatch(/subset_v2 --> wl_Deployment_users_v2/);
    expect(md).toMatch(/gw_istio_ingress_grpc_gateway --> vs_shop_users_ingress/);
  });

  test('warns when a subset selects no workload and when a routed subset is not defined', () => {
    // GIVEN the canary routes to v3, which the DestinationRule lacks, and v2 has no Deployment
    const objects = SHOP.filter((o) => o.metadata.name !== 'users-v2').map((o) => (o.kind === 'VirtualService' && o.metadata.name === 'users'
      ? { ...o, spec: { hosts: ['users'], http: [{ route: [{ destination: { host: 'users', subset: 'v3' } }] }] } }
      : o));
    // WHEN
    const [model] = buildRunbookModels(objects);
    // THEN
    expect(model.warnings).toStrictEqual([
      'Subset "v2" (version=v2) selects no workload in these manifests: calls routed to it fail with UH.',
      'VirtualService "users" routes to subset "v3", which no DestinationRule defines: those calls fail with NC (istioctl analyze: IST0101).',
    ]);
    const md = renderRunbooks(objects)[0].markdown;
    expect(md).toContain('## Warnings from the manifests');
    expect(md).toContain('subset_v3["subset v3<br/>not defined in any DestinationRule"]');
    expect(md).toContain('routed subsets missing from the DestinationRule: `v3`');
  });

  test('a lone Service without routing flows from the mesh straight to its pods', () => {
    const objects: KubeObject[] = [
      service('billing', [{ name: 'grpc', port: 9000 }]),
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'billing', namespace: 'shop' }, spec: { template: { metadata: { labels: { app: 'billing' } } } } },
    ];
    const [runbook] = renderRunbooks(objects);
    expect(runbook.markdown).toContain('mesh --> svc_billing');
    expect(runbook.markdown).toContain('svc_billing --> wl_Deployment_billing');
    expect(runbook.markdown).toContain('no `outlierDetection`');
    expect(runbook.markdown).toContain('Istio\'s defaults (4294967295)');
  });

  test('Services Istio does not read as gRPC get no runbook', () => {
    expect(renderRunbooks([service('web', [{ name: 'http', port: 80 }]), service('raw', [{ name: 'tcp-grpc', port: 50051 }])])).toStrictEqual([]);
  });

  test('runbooks are sorted by namespace and name', () => {
    const objects = [service('b', [{ name: 'grpc', port: 1 }], 'z'), service('a', [{ name: 'grpc', port: 1 }], 'z'), service('c', [{ name: 'grpc', port: 1 }], 'a')];
    expect(renderRunbooks(objects).map((r) => r.fileName)).toStrictEqual(['a.c.runbook.md', 'z.a.runbook.md', 'z.b.runbook.md']);
  });
});

describe('grpcPortProtocol', () => {
  test.each([
    [{ name: 'grpc' }, 'grpc'],
    [{ name: 'grpc-api' }, 'grpc'],
    [{ name: 'GRPC-api' }, 'grpc'],
    [{ name: 'http2' }, 'http2'],
    [{ name: 'http2-web' }, 'http2'],
    [{ name: 'api', appProtocol: 'grpc' }, 'grpc'],
    [{ name: 'api', appProtocol: 'kubernetes.io/h2c' }, 'http2'],
    [{ name: 'grpc', appProtocol: 'http' }, undefined],
    [{ name: 'grpcapi' }, undefined],
    [{ name: 'tcp-grpc' }, undefined],
    [{}, undefined],
  ])('%j → %s', (port, expected) => {
    expect(grpcPortProtocol(port)).toBe(expected);
  });
});

describe('hostNamesService', () => {
  test.each([
    ['users.shop.svc.cluster.local', 'other', true],
    ['users.shop.svc', 'other', true],
    ['users.shop', 'other', true],
    ['users', 'shop', true],
    ['users', 'other', false],
    ['users.other.svc.cluster.local', 'shop', false],
    ['*.shop.svc.cluster.local', 'shop', false],
  ])('%s in namespace %s → %s', (host, objNs, expected) => {
    expect(hostNamesService(host, objNs, 'users', 'shop')).toBe(expected);
  });
});

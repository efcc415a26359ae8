import { base64, EXPIRED_CERT_PEM, KEY_PLACEHOLDER, VALID_CERT_PEM } from './util/tls-fixtures';
import { KubeObject } from '../lib/core/kube-object';
import { AnalyzerSelection } from '../lib/validate/analyzer';
import { runAnalyzers } from '../lib/validate/analyzer/runner';
import { parseYamlDocuments } from '../lib/validate/yaml-documents';

/** One case: tiny manifests, the analyzer run alone (as Istio's grid does), the (code, resource) pairs expected. */
interface GridCase {
  readonly name: string;
  readonly analyzer: string;
  readonly yaml: string;
  readonly expected: readonly string[];
}

const pod = (name: string, labels: string, extra = '', ns = 'shop') => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: ${ns}, labels: ${labels} }
spec: { containers: [{ name: app, image: a }, { name: istio-proxy, image: docker.io/istio/proxyv2:1.28.0 }] ${extra} }`;
const secret = (name: string, cert: string) => `apiVersion: v1
kind: Secret
metadata: { name: ${name}, namespace: istio-system }
data: { tls.crt: ${base64(cert)}, tls.key: ${base64(KEY_PLACEHOLDER)} }`;
const gateway = (name: string, credential: string) => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: { name: ${name}, namespace: istio-system }
spec:
  selector: { istio: ingressgateway }
  servers: [{ port: { number: 443, name: https, protocol: HTTPS }, hosts: [${name}.example.com], tls: { mode: SIMPLE, credentialName: ${credential} } }]`;

const GRID: readonly GridCase[] = [
  {
    name: 'ServiceEntry TCP ports need addresses; HTTP ports and given addresses do not',
    analyzer: 'serviceentry.Analyzer',
    yaml: `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: { name: db, namespace: shop }
spec: { hosts: [db.example.com], ports: [{ number: 5432, name: pg, protocol: TCP }, { number: 80, name: http, protocol: HTTP }, { number: 1, name: none }], resolution: DNS }
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: { name: db2, namespace: shop }
spec: { hosts: [db2.example.com], addresses: [10.0.0.1], ports: [{ number: 5432, name: pg, protocol: tcp }], resolution: DNS }`,
    expected: ['IST0134 ServiceEntry shop/db', 'IST0134 ServiceEntry shop/db'],
  },
  {
    name: 'ServiceEntries visible together that give one host and port two protocols',
    analyzer: 'serviceentry.ConflictingServiceEntryProtocolAnalyzer',
    yaml: `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: { name: a, namespace: shop }
spec: { hosts: [api.example.com], ports: [{ number: 443, name: https, protocol: HTTPS }], resolution: DNS }
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: { name: b, namespace: pay }
spec: { hosts: [api.example.com], ports: [{ number: 443, name: tls, protocol: TLS }], resolution: DNS }
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: { name: c, namespace: x }
spec: { hosts: [other.example.com], exportTo: [.], ports: [{ number: 443, name: tls, protocol: TLS }], resolution: DNS }
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: { name: d, namespace: y }
spec: { hosts: [other.example.com], exportTo: [.], ports: [{ number: 443, name: https, protocol: HTTPS }], resolution: DNS }`,
    expected: ['IST0177 ServiceEntry pay/b', 'IST0177 ServiceEntry shop/a'],
  },
  {
    name: 'UID 1337 on application pods and Deployments, not on the proxy nor on Istio\'s own pods',
    analyzer: 'applicationUID.Analyzer',
    yaml: `${pod('app', '{ app: a }', ', securityContext: { runAsUser: 1337 }')}
---
apiVersion: v1
kind: Pod
metadata: { name: gw, namespace: shop, labels: { istio: ingressgateway } }
spec: { securityContext: { runAsUser: 1337 }, containers: [{ name: istio-proxy, image: p }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec: { selector: { matchLabels: { app: web } }, template: { metadata: { labels: { app: web } }, spec: { containers: [{ name: web, image: w, securityContext: { runAsUser: 1337 } }, { name: istio-proxy, image: p, securityContext: { runAsUser: 1337 } }] } } }`,
    expected: ['IST0144 Deployment shop/web', 'IST0144 Pod shop/app'],
  },
  {
    name: 'EnvoyFilter: ADD and REMOVE on routes, REPLACE on a cluster, relative operations without priority',
    analyzer: 'envoyfilter.EnvoyPatchAnalyzer',
    yaml: `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata: { name: ef, namespace: shop }
spec:
  configPatches:
  - { applyTo: HTTP_ROUTE, patch: { operation: ADD, value: {} } }
  - { applyTo: ROUTE_CONFIGURATION, patch: { operation: REMOVE } }
  - { applyTo: CLUSTER, patch: { operation: REPLACE, value: { name: c } } }
  - { applyTo: HTTP_FILTER, match: { proxy: { proxyVersion: '^1\\.2.*' } }, patch: { operation: INSERT_BEFORE, value: { name: envoy.lua } } }
  - { applyTo: HTTP_FILTER, patch: { operation: INSERT_AFTER, value: { name: envoy.lua } } }
---
apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata: { name: ordered, namespace: shop }
spec: { priority: 10, configPatches: [{ applyTo: HTTP_FILTER, patch: { operation: INSERT_BEFORE, value: { name: x } } }] }`,
    expected: ['IST0151 EnvoyFilter shop/ef', 'IST0152 EnvoyFilter shop/ef', 'IST0153 EnvoyFilter shop/ef', 'IST0154 EnvoyFilter shop/ef', 'IST0155 EnvoyFilter shop/ef'],
  },
  {
    name: 'namespaces: no injection label, several, enabled by default; pods of injected namespaces without a proxy',
    analyzer: 'injection.Analyzer',
    yaml: `apiVersion: v1
kind: Namespace
metadata: { name: plain }
---
apiVersion: v1
kind: Namespace
metadata: { name: both, labels: { istio-injection: enabled, istio.io/rev: canary } }
---
apiVersion: v1
kind: Namespace
metadata: { name: shop, labels: { istio-injection: enabled } }
---
apiVersion: v1
kind: Pod
metadata: { name: bare, namespace: shop }
spec: { containers: [{ name: app, image: a }] }
---
apiVersion: v1
kind: Pod
metadata: { name: opted-out, namespace: shop, labels: { sidecar.istio.io/inject: 'false' } }
spec: { containers: [{ name: app, image: a }] }
---
${pod('meshed', '{ app: m }')}`,
    expected: ['IST0102 Namespace /plain', 'IST0103 Pod shop/bare', 'IST0123 Namespace /both'],
  },
  {
    name: 'proxy images that differ from the injector\'s',
    analyzer: 'injection.ImageAnalyzer',
    yaml: `apiVersion: v1
kind: ConfigMap
metadata: { name: istio-sidecar-injector, namespace: istio-system }
data: { values: '{"global":{"hub":"docker.io/istio","tag":"1.28.0","proxy":{"image":"proxyv2"}}}' }
---
apiVersion: v1
kind: Namespace
metadata: { name: shop, labels: { istio-injection: enabled } }
---
${pod('current', '{ app: a }')}
---
apiVersion: v1
kind: Pod
metadata: { name: old, namespace: shop }
spec: { containers: [{ name: istio-proxy, image: docker.io/istio/proxyv2:1.27.0 }] }`,
    expected: ['IST0158 Namespace /shop'],
  },
  {
    name: 'image: auto on a Pod (never injected as written) and on a Deployment no injection webhook selects',
    analyzer: 'injection.ImageAutoAnalyzer',
    yaml: `apiVersion: v1
kind: Pod
metadata: { name: p, namespace: shop }
spec: { containers: [{ name: istio-proxy, image: auto }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: d, namespace: shop }
spec: { selector: { matchLabels: { app: d } }, template: { metadata: { labels: { app: d } }, spec: { containers: [{ name: istio-proxy, image: auto }] } } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: injected, namespace: shop }
spec: { selector: { matchLabels: { app: i } }, template: { metadata: { labels: { app: i, sidecar.istio.io/inject: 'true' } }, spec: { containers: [{ name: istio-proxy, image: auto }] } } }
---
apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: { name: istio-sidecar-injector }
webhooks:
- name: object.sidecar-injector.istio.io
  clientConfig: { service: { name: istiod, namespace: istio-system } }
  objectSelector: { matchExpressions: [{ key: sidecar.istio.io/inject, operator: In, values: ['true'] }] }`,
    expected: ['IST0146 Deployment shop/d', 'IST0147 Pod shop/p'],
  },
  {
    name: 'Sidecars: a selector with no pod, two selecting one pod, two without selector',
    analyzer: 'sidecar.SelectorAnalyzer',
    yaml: `${pod('u1', '{ app: users }')}
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: { name: ghost, namespace: shop }
spec: { workloadSelector: { labels: { app: ghost } } }
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: { name: a, namespace: shop }
spec: { workloadSelector: { labels: { app: users } } }
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: { name: b, namespace: shop }
spec: { workloadSelector: { labels: { app: users } } }
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: { name: all-1, namespace: pay }
spec: {}
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: { name: all-2, namespace: pay }
spec: {}`,
    expected: ['IST0101 Sidecar shop/ghost', 'IST0110 Sidecar shop/a', 'IST0110 Sidecar shop/b', 'IST0111 Sidecar pay/all-1', 'IST0111 Sidecar pay/all-2'],
  },
  {
    name: 'deprecated: fault delay percent, Sidecar egressProxy',
    analyzer: 'deprecation.DeprecationAnalyzer',
    yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs, namespace: shop }
spec: { hosts: [users], http: [{ fault: { delay: { percent: 5, fixedDelay: 1s } }, route: [{ destination: { host: users } }] }] }
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: { name: sc, namespace: shop }
spec: { outboundTrafficPolicy: { mode: REGISTRY_ONLY, egressProxy: { host: egress, port: { number: 443 } } } }`,
    expected: ['IST0002 Sidecar shop/sc', 'IST0002 VirtualService shop/vs'],
  },
  {
    name: 'gateway credentials: a valid certificate passes, an expired one and a Secret without keys do not',
    analyzer: 'gateway.SecretAnalyzer',
    yaml: `${secret('good', VALID_CERT_PEM)}
---
${secret('old', EXPIRED_CERT_PEM)}
---
apiVersion: v1
kind: Secret
metadata: { name: empty, namespace: istio-system }
data: { ca.crt: ${base64(VALID_CERT_PEM)} }
---
${gateway('a', 'good')}
---
${gateway('b', 'old')}
---
${gateway('c', 'empty')}`,
    expected: ['IST0161 Gateway istio-system/b', 'IST0161 Gateway istio-system/c'],
  },
  {
    name: 'the default ingress gateway has ports 80, 443, 31400 and 15443',
    analyzer: 'gateway.IngressGatewayPortAnalyzer',
    yaml: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: { name: gw, namespace: shop }
spec:
  selector: { istio: ingressgateway }
  servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ['*'] }, { port: { number: 8080, name: alt, protocol: HTTP }, hosts: ['*'] }]`,
    expected: ['IST0162 Gateway shop/gw'],
  },
  {
    name: 'conflicting gateways: same host on one port, also when one selector is a subset and a pod matches both',
    analyzer: 'gateway.ConflictingGatewayAnalyzer',
    yaml: `${pod('edge-0', '{ app: edge, tier: front }', '', 'edge')}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: { name: a, namespace: edge }
spec: { selector: { app: edge }, servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: [x.example.com] }] }
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: { name: b, namespace: edge }
spec: { selector: { app: edge, tier: front }, servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: [x.example.com] }] }
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: { name: c, namespace: edge }
spec: { selector: { app: edge }, servers: [{ port: { number: 8080, name: http, protocol: HTTP }, hosts: [x.example.com] }] }`,
    expected: ['IST0145 Gateway edge/a', 'IST0145 Gateway edge/b'],
  },
  {
    name: 'VirtualServices bound to a Kubernetes Gateway, a generated internal Gateway, or hosts no gateway serves',
    analyzer: 'virtualservice.GatewayAnalyzer',
    yaml: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: kgw, namespace: edge }
spec: { gatewayClassName: istio, listeners: [{ name: http, port: 80, protocol: HTTP, hostname: api.example.com }] }
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: ok, namespace: edge }
spec: { hosts: [api.example.com], gateways: [kgw], http: [{ route: [{ destination: { host: users.shop.svc.cluster.local } }] }] }
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: wrong-host, namespace: edge }
spec: { hosts: [web.example.com], gateways: [edge/kgw], http: [{ route: [{ destination: { host: users.shop.svc.cluster.local } }] }] }
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: internal, namespace: edge }
spec: { hosts: [api.example.com], gateways: [edge/kgw~istio-autogenerated-k8s-gateway~http], http: [{ route: [{ destination: { host: users.shop.svc.cluster.local } }] }] }`,
    expected: ['IST0132 VirtualService edge/wrong-host', 'IST0165 VirtualService edge/internal'],
  },
  {
    name: 'subsets: labels no pod carries, locality labels from the pod\'s node',
    analyzer: 'destinationrule.SubsetSelectPodAnalyzer',
    yaml: `apiVersion: v1
kind: Service
metadata: { name: users, namespace: shop }
spec: { selector: { app: users }, ports: [{ name: grpc, port: 50051 }] }
---
${pod('u1', '{ app: users, version: v1 }', ', nodeName: node-a')}
---
apiVersion: v1
kind: Node
metadata: { name: node-a, labels: { topology.kubernetes.io/region: eu-west-1, topology.kubernetes.io/zone: eu-west-1a } }
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: users, namespace: shop }
spec:
  host: users
  subsets:
  - { name: v1, labels: { version: v1 } }
  - { name: v2, labels: { version: v2 } }
  - { name: zone-a, labels: { topology.kubernetes.io/zone: eu-west-1a } }
  - { name: zone-b, labels: { topology.kubernetes.io/zone: eu-west-1b } }
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: ghost, namespace: shop }
spec: { host: ghost }`,
    expected: ['IST0173 DestinationRule shop/users', 'IST0173 DestinationRule shop/users', 'IST0174 DestinationRule shop/ghost'],
  },
  {
    name: 'destination hosts: exportTo hides a ServiceEntry from other namespaces; ServiceEntry ports count',
    analyzer: 'virtualservice.DestinationHostAnalyzer',
    yaml: `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: { name: api, namespace: pay }
spec: { hosts: [api.example.com], exportTo: [.], ports: [{ number: 443, name: tls, protocol: TLS }], resolution: DNS }
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: { name: ext, namespace: shop }
spec: { hosts: ['*.ext.example.com'], ports: [{ number: 443, name: tls, protocol: TLS }, { number: 80, name: http, protocol: HTTP }], resolution: DNS }
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: from-shop, namespace: shop }
spec: { hosts: [x.example.com], tls: [{ match: [{ sniHosts: [x.example.com] }], route: [{ destination: { host: api.example.com } }] }] }
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: from-pay, namespace: pay }
spec: { hosts: [y.example.com], tcp: [{ route: [{ destination: { host: api.example.com, port: { number: 443 } } }] }] }
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: wildcard, namespace: shop }
spec: { hosts: [z.example.com], tcp: [{ route: [{ destination: { host: a.ext.example.com } }] }] }`,
    expected: ['IST0101 VirtualService shop/from-shop', 'IST0112 VirtualService shop/wildcard'],
  },
  {
    name: 'unreachable tcp and tls rules, and an http prefix an earlier prefix covers',
    analyzer: 'schema.ValidationAnalyzer.VirtualService',
    yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs, namespace: shop }
spec:
  hosts: [users]
  http:
  - { match: [{ uri: { prefix: /users.v1 } }], route: [{ destination: { host: users } }] }
  - { match: [{ uri: { prefix: /users.v1.Users } }], route: [{ destination: { host: users } }] }
  tcp:
  - { route: [{ destination: { host: users } }] }
  - { route: [{ destination: { host: users } }] }
  tls:
  - { match: [{ sniHosts: [users] }], route: [{ destination: { host: users } }] }
  - { match: [{ sniHosts: [users] }], route: [{ destination: { host: users } }] }`,
    expected: ['IST0130 VirtualService shop/vs', 'IST0130 VirtualService shop/vs', 'IST0131 VirtualService shop/vs', 'IST0131 VirtualService shop/vs'],
  },
  {
    name: 'Deployments behind Services that disagree on a port\'s protocol or send two ports to one targetPort',
    analyzer: 'deployment.MultiServiceAnalyzer',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: users, namespace: shop }
spec: { selector: { matchLabels: { app: users } }, template: { metadata: { labels: { app: users } }, spec: { containers: [{ name: istio-proxy, image: p }] } } }
---
apiVersion: v1
kind: Service
metadata: { name: a, namespace: shop }
spec: { selector: { app: users }, ports: [{ name: grpc, port: 50051, protocol: TCP }] }
---
apiVersion: v1
kind: Service
metadata: { name: b, namespace: shop }
spec: { selector: { app: users }, ports: [{ name: udp, port: 50051, protocol: UDP, targetPort: 9000 }, { name: grpc-2, port: 8080, targetPort: 50051 }] }`,
    expected: ['IST0116 Deployment shop/users', 'IST0137 Deployment shop/users'],
  },
  {
    name: 'annotations: unknown, deprecated, misplaced, invalid values',
    analyzer: 'annotations.K8sAnalyzer',
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: shop
  annotations: { sidecar.istio.io/inject: 'true', sidecar.istio.io/proxyCPU: lots, networking.istio.io/exportTwo: x, example.com/other: y }
spec: { containers: [{ name: app, image: a }] }
---
apiVersion: v1
kind: Service
metadata: { name: s, namespace: shop, annotations: { sidecar.istio.io/proxyMemory: 1Gi, networking.istio.io/exportTo: '.' } }
spec: { ports: [{ name: grpc, port: 50051 }] }`,
    expected: ['IST0107 Service shop/s', 'IST0108 Pod shop/p', 'IST0125 Pod shop/p', 'IST0135 Pod shop/p'],
  },
  {
    name: 'Istio webhooks: an injector whose Service is missing, two injectors selecting the same pods, an IP address for the control plane',
    analyzer: 'webhook.Analyzer',
    yaml: `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: { name: istio-sidecar-injector }
webhooks:
- name: a.sidecar-injector.istio.io
  clientConfig: { service: { name: istiod, namespace: istio-system } }
  namespaceSelector: { matchLabels: { istio-injection: enabled } }
- name: b.sidecar-injector.istio.io
  clientConfig: { service: { name: istiod, namespace: istio-system } }
  namespaceSelector: { matchExpressions: [{ key: istio-injection, operator: Exists }] }
---
apiVersion: v1
kind: Service
metadata: { name: istiod, namespace: istio-system }
spec: { ports: [{ name: https-webhook, port: 443 }] }
---
apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: { name: other }
webhooks:
- name: c.sidecar-injector.istio.io
  clientConfig: { service: { name: gone, namespace: istio-system } }
  namespaceSelector: { matchLabels: { never: 'true' } }`,
    expected: ['IST0139 MutatingWebhookConfiguration /istio-sidecar-injector', 'IST0139 MutatingWebhookConfiguration /istio-sidecar-injector', 'IST0139 MutatingWebhookConfiguration /other'],
  },
  {
    name: 'external control plane webhooks: no address, an IP address',
    analyzer: 'externalcontrolplane.ExternalControlPlaneAnalyzer',
    yaml: `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: { name: istio-validator-external }
webhooks:
- { name: rev.validation.istio.io, clientConfig: { url: 'https://10.0.0.1:15017/validate' } }
- { name: empty.validation.istio.io, clientConfig: {} }
- { name: fine.validation.istio.io, clientConfig: { url: 'https://istiod.example.com:15017/validate' } }`,
    expected: ['IST0163 ValidatingWebhookConfiguration /istio-validator-external', 'IST0164 ValidatingWebhookConfiguration /istio-validator-external'],
  },
  {
    name: 'Gateway API: policy selectors on the pods of a Kubernetes Gateway (targetRef is fine)',
    analyzer: 'k8sgateway.SelectorAnalyzer',
    yaml: `apiVersion: v1
kind: Pod
metadata: { name: gw-0, namespace: edge, labels: { gateway.networking.k8s.io/gateway-name: edge } }
spec: { containers: [{ name: istio-proxy, image: p }] }
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: by-selector, namespace: edge }
spec: { selector: { matchLabels: { gateway.networking.k8s.io/gateway-name: edge } } }
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: by-target, namespace: edge }
spec: { targetRef: { kind: Gateway, group: gateway.networking.k8s.io, name: edge } }`,
    expected: ['IST0166 AuthorizationPolicy edge/by-selector'],
  },
  {
    name: 'Gateway API CRD bundle versions below Istio\'s minimum',
    analyzer: 'k8sgateway.CRDVersionAnalyzer',
    yaml: `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: tcproutes.gateway.networking.k8s.io, annotations: { gateway.networking.k8s.io/bundle-version: v1.2.0 } }
spec: { group: gateway.networking.k8s.io, names: { kind: TCPRoute, plural: tcproutes }, scope: Namespaced, versions: [] }
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: grpcroutes.gateway.networking.k8s.io, annotations: { gateway.networking.k8s.io/bundle-version: v1.3.0-rc.1 } }
spec: { group: gateway.networking.k8s.io, names: { kind: GRPCRoute, plural: grpcroutes }, scope: Namespaced, versions: [] }`,
    expected: ['IST0176 CustomResourceDefinition /tcproutes.gateway.networking.k8s.io'],
  },
  {
    name: 'negative status conditions',
    analyzer: 'conditions.ConditionAnalyzer',
    yaml: `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: edge }
spec: { parentRefs: [{ name: edge }] }
status: { parents: [{ parentRef: { name: edge }, controllerName: istio.io/gateway-controller, conditions: [{ type: Accepted, status: 'False', reason: NoMatchingParent, message: no parent }] }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: edge, namespace: edge }
spec: { gatewayClassName: istio, listeners: [] }
status: { conditions: [{ type: Programmed, status: 'True', reason: Programmed, message: ok }] }`,
    expected: ['IST0171 HTTPRoute edge/r'],
  },
  {
    name: 'RequestAuthentications while istiod fetches JWKS from anywhere',
    analyzer: 'authn.BlockedCIDRsAnalyzer',
    yaml: `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata: { name: jwt, namespace: shop }
spec: { jwtRules: [{ issuer: https://issuer.example.com, jwksUri: https://issuer.example.com/jwks }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: istiod, namespace: istio-system, labels: { app: istiod } }
spec: { selector: { matchLabels: { app: istiod } }, template: { metadata: { labels: { app: istiod } }, spec: { containers: [{ name: discovery, image: pilot, env: [{ name: PILOT_TRACE_SAMPLING, value: '1' }] }] } } }`,
    expected: ['IST0175 Deployment istio-system/istiod'],
  },
  {
    name: 'Telemetries selecting the same pod',
    analyzer: 'telemetry.SelectorAnalyzer',
    yaml: `${pod('u1', '{ app: users, tier: api }')}
---
apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata: { name: a, namespace: shop }
spec: { selector: { matchLabels: { app: users } } }
---
apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata: { name: b, namespace: shop }
spec: { selector: { matchLabels: { tier: api } } }`,
    expected: ['IST0159 Telemetry shop/a', 'IST0159 Telemetry shop/b'],
  },
];

describe('analyzer grid: each analyzer alone over tiny manifests', () => {
  test.each(GRID.map((c) => [c.name, c]))('%s', (_name, c) => {
    // The files that make up the Istio analyzer of that name (as `--analyzer NAME` selects them).
    const analyzers = AnalyzerSelection.of([c.analyzer]).analyzers();
    expect(analyzers.length).toBeGreaterThan(0);
    const parsed = parseYamlDocuments(c.yaml, 'case.yaml');
    expect(parsed.problems).toStrictEqual([]);
    const findings = runAnalyzers(analyzers, parsed.sources.map((s) => s.object as KubeObject));
    const got = findings.map((f) => `${f.code} ${f.resource.kind} ${f.resource.namespace ?? ''}/${f.resource.name}`).sort();
    expect(got).toStrictEqual([...c.expected].sort());
  });
});

import { readFileSync } from 'fs';
import { join } from 'path';
import { k8s } from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import * as ts from 'typescript';
import { CONVERTER_NAMES, CONVERTERS } from '../imports/k8s-converters';
import { k8sConverter } from '../lib/synth/k8s-converters';
import { DEFINED_VALUES_SOURCE, fastConverters } from '../scripts/fast-converters';
import { k8sConvertersModule, ROOT_CONVERTERS } from '../scripts/k8s-converters';

const installed = k8s as unknown as Record<string, (obj: unknown) => unknown>;

/** The quantity-map filter as cdk8s-plus-28 generates it. */
const generatedValues = (obj: Record<string, any>): Record<string, any> =>
  Object.entries(obj).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1]?.value }), {});

const definedValues: (obj: Record<string, any>) => Record<string, any> = new Function(
  `${ts.transpileModule(DEFINED_VALUES_SOURCE, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText}\nreturn definedValues;`,
)();

describe('the rewritten cdk8s-plus-28 converters (imports/k8s-converters.ts)', () => {
  test('are what the generator makes of the installed cdk8s-plus-28 (regenerate with `npm run import`)', () => {
    const modulePath = require.resolve('cdk8s-plus-28/lib/imports/k8s.js');
    const { version } = JSON.parse(readFileSync(require.resolve('cdk8s-plus-28/package.json'), 'utf8')) as { version: string };
    const committed = readFileSync(join(__dirname, '..', 'imports', 'k8s-converters.ts'), 'utf8');
    expect(committed).toBe(k8sConvertersModule(readFileSync(modulePath, 'utf8'), version));
    expect(fastConverters(committed)).toBe(committed);
    expect(committed).not.toMatch(/\.reduce\(/);
  });

  test('serve while the installed converters are the ones they were made from', () => {
    expect(CONVERTER_NAMES.slice(0, ROOT_CONVERTERS.length)).toStrictEqual(ROOT_CONVERTERS);
    for (const name of ROOT_CONVERTERS) {
      expect(k8sConverter(name)).toBe(CONVERTERS[name]);
      expect(CONVERTERS[name]).not.toBe(installed[name]);
    }
  });

  test('definedValues keeps what the quantity-map filter keeps: keys, order and each .value', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', '0', 'cpu', 'memory'));
    const field = fc.oneof(fc.constant(undefined), fc.constant(null), fc.record({ value: fc.oneof(fc.string(), fc.integer()) }), fc.constant({}));
    fc.assert(fc.property(fc.array(fc.tuple(key, field), { maxLength: 8 }), (entries) => {
      const input: Record<string, any> = {};
      for (const [k, v] of entries) Object.defineProperty(input, k, { value: v, enumerable: true, writable: true, configurable: true });
      const expected = generatedValues(input);
      const actual = definedValues(input);
      expect(Object.getPrototypeOf(actual)).toBe(Object.getPrototypeOf(expected));
      expect(Object.entries(actual)).toStrictEqual(Object.entries(expected));
    }), { numRuns: 1000 });
  });

  test('give what the installed converters give for the props of a full Deployment and Service', () => {
    const deployment: k8s.KubeDeploymentProps = {
      metadata: { name: 'd', labels: { b: '1', a: '2' }, annotations: { x: 'y' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'd' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: k8s.IntOrString.fromString('25%'), maxUnavailable: k8s.IntOrString.fromNumber(0) } },
        template: {
          metadata: { labels: { app: 'd' } },
          spec: {
            serviceAccountName: 'd',
            terminationGracePeriodSeconds: 30,
            containers: [{
              name: 'app',
              image: 'i',
              ports: [{ name: 'grpc', containerPort: 8080 }],
              resources: { requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('128Mi') }, limits: { memory: k8s.Quantity.fromString('256Mi') } },
              readinessProbe: { grpc: { port: 8080 }, periodSeconds: 5 },
              env: [{ name: 'A', value: 'b' }, { name: 'P', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
              lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
              securityContext: { runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
            }],
            volumes: [{ name: 'v', emptyDir: { sizeLimit: k8s.Quantity.fromString('1Gi') } }],
            topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway' }],
          },
        },
      },
    };
    const service: k8s.KubeServiceProps = { metadata: { name: 's' }, spec: { clusterIp: 'None', ports: [{ name: 'grpc', port: 80, targetPort: k8s.IntOrString.fromNumber(8080), appProtocol: 'grpc' }], selector: { app: 'd' } } };
    for (const [name, props] of [['toJson_KubeDeploymentProps', deployment], ['toJson_KubeServiceProps', service]] as const) {
      expect(JSON.stringify(CONVERTERS[name](props))).toBe(JSON.stringify(installed[name](props)));
    }
  });
});

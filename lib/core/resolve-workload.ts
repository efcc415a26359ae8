import { PropChecker } from './checks';
import { WorkloadModel } from './mesh-service-model';
import { GrpcWorkloadProps, WorkloadResources } from './mesh-service-props';
import { parseQuantity } from './quantity';
import { isRecord, listProp, objectProp } from './shape-checks';

/** Resources of the server container when none are given; each can be set alone. */
export const DEFAULT_RESOURCES = { cpuRequest: '100m', cpuLimit: '1', memoryRequest: '128Mi', memoryLimit: '512Mi' } as const;

/** The defaults parsed once: every workload of every service falls back to the same values. */
const DEFAULT_QUANTITIES = Object.fromEntries(Object.entries(DEFAULT_RESOURCES).map(([key, text]) =>
  [key, { text, value: parseQuantity(text)!.value }])) as Record<keyof WorkloadResources, { readonly text: string; readonly value: number }>;

/**
 * A workload (Deployment) of one version: image, replicas, env, resources, security context; pod
 * labels are the Service selector plus `version`. `field` names the prop in error messages.
 */
export function resolveWorkload(check: PropChecker, name: string, selector: Record<string, string>, w: GrpcWorkloadProps, field = 'workload'): WorkloadModel {
  if (!isRecord(w)) check.fail(field, w, 'must be an object', 'write e.g. { image: "ghcr.io/acme/users:1.4.2" }');
  if (typeof w.image !== 'string' || w.image.trim() === '' || /\s/.test(w.image)) {
    check.fail(`${field}.image`, w.image, 'a container image reference is required and cannot contain spaces', 'use e.g. "ghcr.io/acme/users:1.4.2"');
  }
  const version = w.version ?? 'v1';
  // The version names the Deployment (`<service>-<version>`), so it must fit a DNS label too.
  check.dnsLabel(`${field}.version`, version, Math.max(1, 63 - name.length - 1));
  check.labels(`${field}.version`, { version });
  const env = objectProp(check, `${field}.env`, w.env, '{ LOG_LEVEL: "info" }') ?? {};
  for (const [key, value] of Object.entries(env)) {
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) {
      check.fail(`${field}.env.${key}`, key, 'is not a valid environment variable name', 'use letters, digits, "_", "-" or ".", not starting with a digit');
    }
    if (typeof value !== 'string') check.fail(`${field}.env.${key}`, value, 'environment values must be strings', 'quote the value');
  }
  const args = w.args === undefined ? undefined : listProp(check, `${field}.args`, w.args, '["--port", "50051"]');
  args?.forEach((arg, i) => {
    if (typeof arg !== 'string') check.fail(`${field}.args[${i}]`, arg, 'container arguments must be strings (Kubernetes refuses numbers and booleans in args)', `quote it: ${JSON.stringify(String(arg))}`);
  });
  const readOnly = w.readOnlyRootFilesystem ?? true;
  if (typeof readOnly !== 'boolean') check.fail(`${field}.readOnlyRootFilesystem`, readOnly, 'must be true or false', 'leave it out (read-only root, writable /tmp) or set false');
  if (w.runAsUser !== undefined) check.integer(`${field}.runAsUser`, w.runAsUser, 1, 2_147_483_647);
  return {
    image: w.image,
    replicas: check.integer(`${field}.replicas`, w.replicas ?? 2, 0, 10_000),
    version,
    serviceAccountName: name,
    env: { ...env },
    ...(args ? { args: [...args] } : {}),
    resources: resolveResources(check, `${field}.resources`, w.resources),
    grpcHealthProbe: w.grpcHealthProbe === true,
    readOnlyRootFilesystem: readOnly,
    ...(w.runAsUser !== undefined ? { runAsUser: w.runAsUser } : {}),
    podLabels: { ...selector, version },
  };
}

/**
 * Requests and limits for CPU and memory, each a valid, positive quantity, with the defaults for
 * what is not given; a limit left out never falls below the request given.
 */
function resolveResources(check: PropChecker, field: string, given: WorkloadResources | undefined) {
  const r = objectProp(check, field, given, '{ cpuRequest: "250m", memoryLimit: "256Mi" }') ?? {};
  const read = (key: keyof WorkloadResources, memory: boolean) => {
    const text = r[key];
    if (text === undefined) return undefined;
    const q = parseQuantity(text);
    const example = memory ? '"256Mi"' : '"250m" or "1"';
    if (!q) check.fail(`${field}.${key}`, text, 'is not a Kubernetes quantity (a number with an optional suffix such as m, Ki, Mi, Gi, k, M, G)', `use e.g. ${example}`);
    if (q.value <= 0) check.fail(`${field}.${key}`, text, 'must be greater than zero', `use e.g. ${example}`);
    if (memory && q.suffix === 'm') check.fail(`${field}.${key}`, text, `means ${q.value} bytes ("m" is milli, not mega)`, `write ${JSON.stringify(q.text.replace(/m$/, 'Mi'))}`);
    return { text: q.text, value: q.value };
  };
  const fallback = (key: keyof WorkloadResources) => DEFAULT_QUANTITIES[key];
  const pair = (request: keyof WorkloadResources, limit: keyof WorkloadResources, memory: boolean) => {
    const givenRequest = read(request, memory);
    const givenLimit = read(limit, memory);
    // A default never contradicts what was given: it moves to the given request or limit.
    const defaultRequest = fallback(request);
    const req = givenRequest ?? (givenLimit && givenLimit.value < defaultRequest.value ? givenLimit : defaultRequest);
    const defaultLimit = fallback(limit);
    const lim = givenLimit ?? (req.value > defaultLimit.value ? req : defaultLimit);
    if (req.value > lim.value) {
      check.fail(`${field}.${request}`, req.text, `is more than ${limit} ${lim.text}; Kubernetes refuses a request above its limit`, `lower ${request} or raise ${limit}`);
    }
    return [req.text, lim.text];
  };
  const [cpuRequest, cpuLimit] = pair('cpuRequest', 'cpuLimit', false);
  const [memoryRequest, memoryLimit] = pair('memoryRequest', 'memoryLimit', true);
  return { requests: { cpu: cpuRequest, memory: memoryRequest }, limits: { cpu: cpuLimit, memory: memoryLimit } };
}

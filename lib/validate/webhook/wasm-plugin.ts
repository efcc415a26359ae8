import { WEBHOOK_CODES } from './codes';
import { Issues, list, obj } from './issues';
import { checkPolicyTargets } from './policy-target';

const C = WEBHOOK_CODES.WASM_PLUGIN;
const URL_SCHEMES = new Set(['', 'file', 'http', 'https', 'oci']);

/**
 * Istio's ValidateWasmPlugin: selector or targetRef(s), a URL with a supported scheme, sha256,
 * imagePullSecret and pluginName lengths, vmConfig env entries and match ports.
 */
export function checkWasmPlugin(issues: Issues, spec: Record<string, any>): void {
  checkPolicyTargets(issues, spec, C);
  const url = typeof spec.url === 'string' ? spec.url : '';
  const urlProblem = wasmUrlProblem(url);
  if (urlProblem) issues.error(C, 'spec.url', urlProblem);
  const sha = typeof spec.sha256 === 'string' ? spec.sha256 : '';
  if (sha !== '' && sha.length !== 64) issues.error(C, 'spec.sha256', 'sha256 field must be 64 characters long');
  else if (sha !== '' && !/^[a-f0-9]{64}$/.test(sha)) issues.error(C, 'spec.sha256', 'sha256 field must match [a-f0-9]{64} pattern');
  if (typeof spec.imagePullSecret === 'string' && spec.imagePullSecret.length > 253) issues.error(C, 'spec.imagePullSecret', 'imagePullSecret field must be less than 253 characters long');
  if (typeof spec.pluginName === 'string' && spec.pluginName.length > 256) issues.error(C, 'spec.pluginName', 'pluginName field must be less than 255 characters long');
  const envProblem = vmEnvProblem(list(obj(spec.vmConfig)?.env));
  if (envProblem) issues.error(C, 'spec.vmConfig.env', envProblem);
  const matchProblem = matchPortsProblem(list(spec.match));
  if (matchProblem) issues.error(C, 'spec.match', matchProblem);
}

/**
 * Istio parses the URL as a request URI, else as `http://` + URL, and takes its scheme: a bare
 * `ghcr.io/org/plugin:1` is fine, `localhost:5000/plugin` has the scheme `localhost`.
 */
function wasmUrlProblem(url: string): string | undefined {
  if (url === '') return 'url field needs to be set';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(url)) return 'failed to parse url: net/url: invalid control character in URL';
  if (url.startsWith(':')) return 'failed to parse url: missing protocol scheme';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase() ?? '';
  return URL_SCHEMES.has(scheme) ? undefined : `url contains unsupported scheme: ${scheme}`;
}

/** The first problem of vmConfig.env, as Istio stops at it. */
function vmEnvProblem(env: readonly unknown[]): string | undefined {
  const names = new Set<string>();
  for (const raw of env) {
    const e = obj(raw);
    if (!e) continue;
    const name = typeof e.name === 'string' ? e.name : '';
    if (name === '') return 'spec.vmConfig.env invalid';
    if (name.length > 256) return 'env.name field must be less than 255 characters long';
    if (names.has(name)) return 'duplicate env';
    names.add(name);
    const inline = e.valueFrom === undefined || e.valueFrom === 'INLINE';
    if (!inline && typeof e.value === 'string' && e.value !== '') return 'value may only be set when valueFrom is INLINE';
  }
  return undefined;
}

function matchPortsProblem(match: readonly unknown[]): string | undefined {
  for (const [i, raw] of match.entries()) {
    const selector = obj(raw);
    if (!selector) return `spec.Match[${i}] is nil`;
    for (const [j, rawPort] of list(selector.ports).entries()) {
      const port = obj(rawPort);
      if (!port) return `spec.Match[${i}].Ports[${j}] is nil`;
      const number = typeof port.number === 'number' ? port.number : 0;
      if (number <= 0 || number > 65535) return `spec.Match[${i}].Ports[${j}] is out of range: ${number}`;
    }
  }
  return undefined;
}

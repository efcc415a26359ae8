import { WEBHOOK_CODES } from './codes';
import { Issues, list, obj } from './issues';

const C = WEBHOOK_CODES.HTTP_ROUTE;

/** `:authority` or `host`: the one pseudo-header a request may set (Istio checks it elsewhere). */
function isAuthorityHeader(name: string): boolean {
  return name.toLowerCase() === ':authority' || name.toLowerCase() === 'host';
}

/** Pseudo-headers and Host are Envoy's to manage. */
function isInternalHeader(name: string): boolean {
  return name.startsWith(':') || name.toLowerCase() === 'host';
}

/** Istio's ValidateHTTPHeaderWithAuthorityOperationName: request add/set may set the authority. */
function requestSetNameProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (isInternalHeader(name) && !isAuthorityHeader(name)) return `invalid header "${name}": header cannot have ":" prefix`;
  return undefined;
}

/** Istio's ValidateHTTPHeaderOperationName: removes, and every response operation. */
function operationNameProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (name.toLowerCase() === 'host') return `invalid header "${name}": cannot set Host header`;
  if (isInternalHeader(name)) return `invalid header "${name}": header cannot have ":" prefix`;
  return undefined;
}

/**
 * Istio's ValidateHTTPHeaderValue: no control characters but tab, and Envoy's `%VARIABLE%`
 * syntax well formed (`100%%` escapes a percent; `%REQ(x)%`, `%UPSTREAM_METADATA(["a","b"])%`).
 */
export function headerValueProblem(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0a-\x1f\x7f]/.test(value)) return `header value configuration ${value} is invalid`;
  const problem = envoyFormatProblem(value);
  return problem ? `header value configuration: ${problem}` : undefined;
}

type State = 'literal' | 'name' | 'expectArray' | 'expectString' | 'string' | 'delimiterOrEnd' | 'argsEnd' | 'variableEnd';

/** Envoy's header formatter parser (header_parser.cc), as Istio ports it. */
function envoyFormatProblem(value: string): string | undefined {
  let state: State = 'literal';
  for (let pos = 0; pos < value.length; pos++) {
    const ch = value[pos];
    const hasNext = pos + 1 < value.length;
    switch (state) {
      case 'literal':
        if (ch !== '%') break;
        if (!hasNext) return 'invalid header configuration. Un-escaped %';
        if (value[pos + 1] === '%') pos++;
        else state = 'name';
        break;
      case 'name':
        if (ch === '%') state = 'literal';
        else if (ch === '(') state = 'expectArray';
        break;
      case 'expectArray':
        if (ch === '[') state = 'expectString';
        else if (ch !== ' ') state = 'string';
        break;
      case 'delimiterOrEnd':
        if (ch === ',') state = 'expectString';
        else if (ch === ']') state = 'argsEnd';
        else if (ch !== ' ') return "invalid header configuration. Expecting ',', ']', or whitespace";
        break;
      case 'expectString':
        if (ch === '"') state = 'string';
        else if (ch !== ' ') return 'invalid header configuration. Expecting \'"\'';
        break;
      case 'string':
        if (ch === '\\') {
          if (!hasNext) return 'invalid header configuration. Un-terminated backslash in JSON string';
          pos++;
        } else if (ch === ')') {
          state = 'variableEnd';
        } else if (ch === '"') {
          state = 'delimiterOrEnd';
        }
        break;
      case 'argsEnd':
        if (ch === ')') state = 'variableEnd';
        else if (ch !== ' ') return "invalid header configuration. Expecting ')' or whitespace after '{}', but found '{}'";
        break;
      case 'variableEnd':
        if (ch === '%') state = 'literal';
        else if (ch !== ' ') return "invalid header configuration. Expecting '%' or whitespace after";
        break;
    }
  }
  return state === 'literal' ? undefined : `invalid header configuration. Un-terminated variable expression '${value}'`;
}

/**
 * The header manipulation of a route or of one weighted destination (`headers.request/response`
 * `.set/.add/.remove`): names Envoy lets a route change, values it can format.
 */
export function checkHeaderOperations(issues: Issues, headers: unknown, path: string): void {
  const h = obj(headers);
  if (!h) return;
  for (const side of ['request', 'response'] as const) {
    const ops = obj(h[side]);
    if (!ops) continue;
    for (const op of ['add', 'set'] as const) {
      for (const [name, raw] of Object.entries(obj(ops[op]) ?? {})) {
        const at = `${path}.${side}.${op}.${name}`;
        const nameProblem = side === 'request' ? requestSetNameProblem(name) : operationNameProblem(name);
        if (nameProblem) issues.error(C, at, nameProblem);
        const valueProblem = headerValueProblem(typeof raw === 'string' ? raw : String(raw ?? ''));
        if (valueProblem) issues.error(C, at, valueProblem);
      }
    }
    list(ops.remove).forEach((name, i) => {
      const problem = operationNameProblem(typeof name === 'string' ? name : '');
      if (problem) issues.error(C, `${path}.${side}.remove[${i}]`, problem);
    });
  }
}

/** Istio's validateAuthorityRewrite: the authority is rewritten in one place only. */
export function checkAuthorityRewrite(issues: Issues, rewrite: unknown, headers: unknown, path: string): void {
  let current = typeof obj(rewrite)?.authority === 'string' ? obj(rewrite)!.authority as string : '';
  const request = obj(obj(headers)?.request);
  for (const op of ['set', 'add'] as const) {
    // Most routes set no request headers: nothing is listed for them.
    const operations = obj(request?.[op]);
    if (!operations) continue;
    for (const name of Object.keys(operations)) {
      const value: unknown = operations[name];
      if (!isAuthorityHeader(name)) continue;
      if (current !== '') {
        issues.error(C, `${path}.headers.request.${op}.${name}`, `authority header cannot be set multiple times: have "${current}", attempting to set "${String(value)}"`);
        return;
      }
      current = String(value);
    }
  }
}

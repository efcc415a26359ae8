import { AccessLogRecord, ClassifiedLine, normalizeGrpcStatus } from './access-log-record';
import { splitResponseFlags } from './flag-lookup';

/**
 * Istio's default TEXT format (1.9 onwards):
 * `[%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE%
 * %RESPONSE_FLAGS% %RESPONSE_CODE_DETAILS% %CONNECTION_TERMINATION_DETAILS%
 * "%UPSTREAM_TRANSPORT_FAILURE_REASON%" %BYTES_RECEIVED% %BYTES_SENT% %DURATION%
 * %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "%REQ(X-FORWARDED-FOR)%" "%REQ(USER-AGENT)%"
 * "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%" %UPSTREAM_CLUSTER%
 * %UPSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_REMOTE_ADDRESS%
 * %REQUESTED_SERVER_NAME% %ROUTE_NAME%`. Anything after the route name is ignored.
 */
const ISTIO_TEXT = new RegExp([
  '^\\[([^\\]]*)\\] "([^"]*)" (\\d+) (\\S+) (\\S+) (\\S+) "([^"]*)" (?:\\d+|-) (?:\\d+|-) (\\d+|-) \\S+',
  ' "[^"]*" "[^"]*" "[^"]*" "([^"]*)" "([^"]*)" (\\S+) \\S+ \\S+ \\S+ \\S+ (\\S+)(?:\\s|$)',
].join(''));

/** Envoy's own default format, for proxies outside Istio or with Envoy's format configured. */
const ENVOY_TEXT = /^\[([^\]]*)\] "([^"]*)" (\d+) (\S+) (?:\d+|-) (?:\d+|-) (\d+|-) \S+ "[^"]*" "[^"]*" "[^"]*" "([^"]*)" "([^"]*)"\s*$/;

/** `kubectl logs --prefix` adds `[pod/<name>/<container>] `. */
const KUBECTL_PREFIX = /^\[(?:pod|deployment|statefulset|daemonset|replicaset|job)\/[^\]\s]+\] /;
/** `kubectl logs --timestamps` adds an RFC 3339 timestamp and a space. */
const KUBECTL_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d) /;
/** istio-agent and Envoy application logs: `<time>\t<level>\t<scope>\t...` or `[<time>][<tid>][<level>]`. */
const PROXY_OWN_LOG = /^(?:\d{4}-\d\d-\d\dT\S+\t(?:trace|debug|info|warn|warning|error|critical|fatal)\t|\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+\]\[)/;

const GRPC_STATUS_KEYS = ['grpc_status', 'grpc-status', 'grpc_status_code', 'grpc.status', 'grpcStatus'];

/** Strips what `kubectl logs --prefix` and `--timestamps` put in front of each line. */
export function stripKubectlPrefixes(line: string): string {
  let rest = line;
  const prefix = KUBECTL_PREFIX.exec(rest);
  if (prefix) rest = rest.slice(prefix[0].length);
  const time = KUBECTL_TIMESTAMP.exec(rest);
  if (time) rest = rest.slice(time[0].length);
  return rest;
}

/** Classifies one line of istio-proxy output: an access-log record, skipped, or malformed. */
export function parseAccessLogLine(rawLine: string): ClassifiedLine {
  const line = stripKubectlPrefixes(rawLine).trim();
  if (line.length === 0 || PROXY_OWN_LOG.test(line)) return { kind: 'skipped' };
  if (line.charCodeAt(0) === 0x7b /* { */) return parseJsonLine(line);
  if (line.charCodeAt(0) === 0x5b /* [ */) {
    const istio = ISTIO_TEXT.exec(line);
    if (istio) return { kind: 'record', record: fromIstioText(istio) };
    const envoy = ENVOY_TEXT.exec(line);
    if (envoy) return { kind: 'record', record: fromEnvoyText(envoy) };
  }
  return { kind: 'malformed' };
}

function fromIstioText(m: RegExpExecArray): AccessLogRecord {
  return {
    format: 'text',
    startTime: m[1],
    ...requestLine(m[2]),
    responseCode: Number(m[3]),
    responseFlags: splitResponseFlags(m[4]),
    responseCodeDetails: dash(m[5]),
    transportFailureReason: dash(m[7]),
    durationMs: number(m[8]),
    authority: dash(m[9]),
    upstreamHost: dash(m[10]),
    upstreamCluster: dash(m[11]),
    routeName: dash(m[12]),
  };
}

function fromEnvoyText(m: RegExpExecArray): AccessLogRecord {
  return {
    format: 'text',
    startTime: m[1],
    ...requestLine(m[2]),
    responseCode: Number(m[3]),
    responseFlags: splitResponseFlags(m[4]),
    durationMs: number(m[5]),
    authority: dash(m[6]),
    upstreamHost: dash(m[7]),
  };
}

/** `POST /pkg.Svc/Method HTTP/2`: the path may in theory hold spaces, so split at the ends. */
function requestLine(text: string): Pick<AccessLogRecord, 'method' | 'path' | 'protocol'> {
  const first = text.indexOf(' ');
  const last = text.lastIndexOf(' ');
  if (first < 0 || last === first) return { method: dash(text) };
  return { method: dash(text.slice(0, first)), path: dash(text.slice(first + 1, last)), protocol: dash(text.slice(last + 1)) };
}

function parseJsonLine(line: string): ClassifiedLine {
  let obj: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { kind: 'malformed' };
    obj = parsed as Record<string, unknown>;
  } catch {
    return { kind: 'malformed' };
  }
  if (!('response_code' in obj) && !('response_flags' in obj)) {
    // istio-agent's own JSON log lines carry level/msg and no response fields.
    return 'level' in obj || 'msg' in obj ? { kind: 'skipped' } : { kind: 'malformed' };
  }
  const code = number(obj.response_code);
  const grpcKey = GRPC_STATUS_KEYS.find((k) => k in obj);
  return {
    kind: 'record',
    record: {
      format: 'json',
      startTime: str(obj.start_time),
      method: str(obj.method),
      path: str(obj.path),
      protocol: str(obj.protocol),
      responseCode: code,
      responseFlags: splitResponseFlags(str(obj.response_flags)),
      responseCodeDetails: str(obj.response_code_details),
      transportFailureReason: str(obj.upstream_transport_failure_reason),
      durationMs: number(obj.duration),
      upstreamCluster: str(obj.upstream_cluster),
      upstreamHost: str(obj.upstream_host),
      routeName: str(obj.route_name),
      authority: str(obj.authority),
      grpcStatus: grpcKey ? normalizeGrpcStatus(obj[grpcKey]) : undefined,
    },
  };
}

function dash(value: string | undefined): string | undefined {
  return value === undefined || value === '-' || value === '' ? undefined : value;
}

function str(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return dash(fieldText(value));
}

/** A JSON field as text: objects and lists as compact JSON, never `[object Object]`. */
export function fieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function number(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '-' || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

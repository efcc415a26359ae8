/** One access-log entry, reduced to the fields the analysis reads. */
export interface AccessLogRecord {
  /** Which encoding the line used. */
  readonly format: 'text' | 'json';
  /** `%START_TIME%`. */
  readonly startTime?: string;
  /** `:method` (`POST` for gRPC; `-` for TCP entries). */
  readonly method?: string;
  /** `:path` (`/package.Service/Method` for gRPC). */
  readonly path?: string;
  /** `HTTP/2`, `HTTP/1.1`, or `-` for TCP. */
  readonly protocol?: string;
  /** `%RESPONSE_CODE%`; 0 when no response started (and for TCP entries). */
  readonly responseCode?: number;
  /** The flags of `%RESPONSE_FLAGS%`, split (empty for `-`). */
  readonly responseFlags: readonly string[];
  /** `%RESPONSE_CODE_DETAILS%`. */
  readonly responseCodeDetails?: string;
  /** `%UPSTREAM_TRANSPORT_FAILURE_REASON%`. */
  readonly transportFailureReason?: string;
  /** `%DURATION%` in milliseconds. */
  readonly durationMs?: number;
  /** `%UPSTREAM_CLUSTER%`, e.g. `outbound|50051|v1|users.default.svc.cluster.local`. */
  readonly upstreamCluster?: string;
  /** `%UPSTREAM_HOST%`. */
  readonly upstreamHost?: string;
  /** `%ROUTE_NAME%`. */
  readonly routeName?: string;
  /** `:authority`. */
  readonly authority?: string;
  /** gRPC status as `NAME (number)`, when the format carries one. */
  readonly grpcStatus?: string;
}

/** What one log line turned out to be. */
export type ClassifiedLine =
  | { readonly kind: 'record'; readonly record: AccessLogRecord }
  /** Blank lines and the proxy's own (non-access) log lines. */
  | { readonly kind: 'skipped' }
  /** Anything else: not a format this parser reads. */
  | { readonly kind: 'malformed' };

const GRPC_CODES = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS',
  'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED',
  'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
];
const GRPC_BY_KEY = new Map<string, number>();
GRPC_CODES.forEach((name, i) => GRPC_BY_KEY.set(name.replace(/_/g, ''), i));
GRPC_BY_KEY.set('CANCELED', 1); // Envoy's CAMEL_STRING spelling

/**
 * Normalizes a gRPC status as logs carry it (`14`, `UNAVAILABLE`, `Unavailable`, `Canceled`) to
 * `UNAVAILABLE (14)`. Values that are no status come back as they are, cut to 40 characters.
 */
export function normalizeGrpcStatus(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '' || value === '-') return undefined;
  const text = (typeof value === 'object' ? JSON.stringify(value) : String(value)).trim();
  const code = /^\d+$/.test(text) ? Number(text) : GRPC_BY_KEY.get(text.toUpperCase().replace(/[_\s-]/g, ''));
  if (code !== undefined && code < GRPC_CODES.length) return `${GRPC_CODES[code]} (${code})`;
  return text.slice(0, 40);
}

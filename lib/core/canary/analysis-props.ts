import { Duration } from '../duration';
import { GrpcStatus } from '../observability/grpc-status';

/** The progressive-delivery controller that runs the canary analysis. */
export enum AnalysisController {
  /** Argo Rollouts: an `AnalysisTemplate` (argoproj.io/v1alpha1) the Rollout's steps reference. */
  ARGO_ROLLOUTS = 'argo-rollouts',
  /**
   * Flagger: `MetricTemplate`s (flagger.app/v1beta1) and the `analysis.metrics` entries to paste
   * into the Flagger `Canary` (`GrpcCanary.flaggerMetrics`).
   */
  FLAGGER = 'flagger',
}

/**
 * Canary analysis that judges the canary on gRPC statuses and latency from Istio's standard
 * metrics, for Argo Rollouts and/or Flagger. Failures are counted by `grpc_response_status`
 * (gRPC errors arrive as HTTP 200, so `response_code` 5xx checks miss them), on the server side
 * (`reporter="destination"`) and for the canary's pods only.
 */
export interface CanaryAnalysisProps {
  /** Controllers to emit analysis for (one or both). */
  readonly controllers: AnalysisController[];
  /**
   * gRPC statuses that count as failed calls.
   * @default UNKNOWN, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS: the
   * server-side failures; client errors such as INVALID_ARGUMENT or NOT_FOUND depend on the callers
   */
  readonly failureStatuses?: GrpcStatus[];
  /**
   * Highest accepted share of failed calls, from 0 to 1 (0.01 = 1%).
   * @default 0.01
   */
  readonly maxErrorRatio?: number;
  /**
   * Highest accepted p99 latency of the canary's calls (from `istio_request_duration_milliseconds`).
   * Streaming calls last as long as their streams: leave streaming-heavy services at a generous value.
   * @default Duration.millis(500)
   */
  readonly maxP99Latency?: Duration;
  /**
   * How often each check runs, and the window its rates cover (at least 30s: `rate()` needs two
   * samples at the usual 15s scrape interval).
   * @default Duration.minutes(1)
   */
  readonly interval?: Duration;
  /**
   * Address of the Prometheus that scrapes the sidecars.
   * @default "http://prometheus.istio-system.svc:9090" (Istio's Prometheus add-on)
   */
  readonly prometheusAddress?: string;
  /**
   * Judge each method on its own (the worst method's error ratio and p99), so one broken method
   * fails the canary even when busier healthy methods hide it. Needs the method label on the
   * metrics: `methodMetrics: true` on the GrpcMeshService.
   * @default - the service's `methodMetrics`
   */
  readonly perMethod?: boolean;
}

/** A Flagger `Canary` `spec.analysis.metrics` entry referencing one of the emitted MetricTemplates. */
export interface FlaggerCanaryMetric {
  /** Metric name shown in Flagger's events. */
  readonly name: string;
  /** The MetricTemplate that holds the query. */
  readonly templateRef: FlaggerTemplateRef;
  /** The accepted range of the query's value. */
  readonly thresholdRange: FlaggerThresholdRange;
  /** Window and period of the check (Flagger fills `{{ interval }}` with it). */
  readonly interval: string;
}

/** Name and namespace of a MetricTemplate. */
export interface FlaggerTemplateRef {
  /** Template name. */
  readonly name: string;
  /** Template namespace. */
  readonly namespace: string;
}

/** Flagger's threshold: the check passes while the value is at most `max`. */
export interface FlaggerThresholdRange {
  /** Highest accepted value. */
  readonly max: number;
}

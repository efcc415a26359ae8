import { CanaryAnalysisProps } from './analysis-props';
import { GrpcWorkloadProps } from '../mesh-service-props';
import { SubsetTrafficPolicy } from '../subset-policy';

/** Who moves the canary weights once the manifests are applied. */
export enum CanaryWeightOwner {
  /** This construct: weights come from `canaryWeight` and `shift()`. */
  ISTIO_GRPC = 'istio-grpc',
  /**
   * Argo Rollouts (subset-level traffic splitting): subsets carry no `version` label (Argo adds its
   * `rollouts-pod-template-hash` label to them), routes start at 100/0, and the Rollout's steps set
   * the weights. The Rollout creates the pods.
   */
  ARGO_ROLLOUTS = 'argo-rollouts',
}

/** A further subset (e.g. a third version in an A/B/C test) with its share of traffic. */
export interface CanarySubsetProps {
  /** Subset name (a DNS-1123 label). */
  readonly name: string;
  /** Value of the pods' `version` label. */
  readonly version: string;
  /** Percent of calls (integer 0-100). */
  readonly weight: number;
  /**
   * Create a Deployment for this version.
   * @default - none: the pods exist already
   */
  readonly workload?: GrpcWorkloadProps;
  /**
   * Traffic policy of this subset.
   * @default - the service's
   */
  readonly trafficPolicy?: SubsetTrafficPolicy;
}

/** Send calls carrying a header to one subset first, whatever the weights say (testers, A/B). */
export interface CanaryHeaderRouteProps {
  /** Header name, lower case (gRPC metadata keys are headers), e.g. `x-canary`. */
  readonly header: string;
  /**
   * Header value to match exactly.
   * @default "true"
   */
  readonly exact?: string;
  /**
   * Subset the matching calls go to.
   * @default "canary"
   */
  readonly subset?: string;
}

/** How a canary splits a GrpcMeshService's calls between versions. */
export interface GrpcCanaryOptions {
  /**
   * `version` label of the stable pods.
   * @default - the service's `workload.version`, else "v1"
   */
  readonly stableVersion?: string;
  /**
   * `version` label of the canary pods.
   * @default "v2"
   */
  readonly canaryVersion?: string;
  /**
   * Percent of calls the canary gets (integer 0-100); the stable subset gets the rest.
   * @default 10 (90/10)
   */
  readonly canaryWeight?: number;
  /**
   * Further subsets with their own weights, taken from the stable share.
   * @default - none
   */
  readonly additionalSubsets?: CanarySubsetProps[];
  /**
   * Header-matched routes placed before the weighted ones. Each repeats every route of the service
   * (per method and `grpc-default`) with the header added to its match, so matching calls keep
   * their method's timeout and retry policy; a header and value listed twice is refused.
   * @default - none
   */
  readonly headerRoutes?: CanaryHeaderRouteProps[];
  /**
   * Percent of calls (0-100) also sent to the canary as fire-and-forget copies (responses are
   * discarded). Copies of non-idempotent calls run twice on the shared backends, so only mirror
   * services whose side effects are safe to repeat.
   * @default - no mirroring
   */
  readonly mirrorPercent?: number;
  /**
   * Create the canary Deployment (`<service>-<canaryVersion>`) with this workload.
   * @default - none: the canary pods exist already
   */
  readonly canaryWorkload?: GrpcWorkloadProps;
  /**
   * Planned canary weights (e.g. [10, 25, 50, 100]), written to the VirtualService as an annotation
   * and to `rolloutPlan()`; move through them with `shift()`.
   * @default - none
   */
  readonly steps?: number[];
  /**
   * Who moves the weights after the first deploy. With `ARGO_ROLLOUTS`, point the Rollout's
   * `trafficRouting.istio` at the service's VirtualService and DestinationRule (subsets `stable`
   * and `canary`), and make the deploy tool ignore the fields Argo writes (route weights, subset
   * labels); weights, workloads, additional subsets and steps are then refused here. On a service
   * with `routingApi: GATEWAY_API`, point the Argo Rollouts Gateway API plugin's `grpcRoutes` at the
   * service's GRPCRoute and the Rollout's `stableService`/`canaryService` at `<service>-stable` and
   * `<service>-canary` (rendered without a `version` selector: the Rollout adds its own).
   * @default CanaryWeightOwner.ISTIO_GRPC
   */
  readonly weightOwner?: CanaryWeightOwner;
  /**
   * Traffic policy of the stable subset.
   * @default - the service's
   */
  readonly stableTrafficPolicy?: SubsetTrafficPolicy;
  /**
   * Traffic policy of the canary subset, e.g. `{ warmup: { duration: Duration.seconds(60) } }`
   * so the first canary pods are not flooded, or a stricter outlier detection.
   * @default - the service's
   */
  readonly canaryTrafficPolicy?: SubsetTrafficPolicy;
  /**
   * Canary analysis on gRPC statuses and p99 latency for Argo Rollouts (an AnalysisTemplate)
   * and/or Flagger (MetricTemplates, plus `flaggerMetrics` for the Canary), on Istio's standard
   * metrics. Flagger is refused on a service with `routingApi: GATEWAY_API`: its Gateway API
   * provider manages HTTPRoutes, not GRPCRoutes.
   * @default - no analysis objects
   */
  readonly analysis?: CanaryAnalysisProps;
}

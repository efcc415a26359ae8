/**
 * Which objects the cross-object analyzers see.
 * - `istioctl`: every object read, also those the schema or webhook stage rejects, as
 *   `istioctl analyze` does on files (its findings carry over one for one).
 * - `cluster`: only what the API server and Istio's webhook would store, as a live cluster
 *   would hold it after `kubectl apply` (references to rejected objects then dangle).
 */
export type ValidationView = 'istioctl' | 'cluster';

/** Options of a validation run (`validateSources`, `validateObjects`). */
export interface ValidateOptions {
  /**
   * Which objects the analyzers see.
   * @default 'istioctl'
   */
  readonly view?: ValidationView;
  /**
   * Istio's mesh config (the `mesh` key of the `istio` ConfigMap, parsed), for the analyzers that
   * read it, as `istioctl analyze --meshconfig` takes it.
   * @default - Istio's defaults, or an `istio` ConfigMap found in the input
   */
  readonly meshConfig?: Record<string, unknown>;
  /**
   * Whether the input holds every workload (Pods, or Deployments and the like) that its policies
   * and subsets select. `complete`, as `istioctl analyze` assumes on files: a selector or subset
   * matching no pod is reported. `partial`, for manifests whose workloads are deployed from
   * elsewhere (cdk8s charts, Pulumi components): such findings are reported only where the input
   * holds pods of that service or namespace.
   * @default 'complete'
   */
  readonly workloads?: 'complete' | 'partial';
  /**
   * Run only these checks, by the names `istioctl analyze --analyzer` takes
   * (`virtualservice.GatewayAnalyzer`; `schema.ValidationAnalyzer.<Kind>` for the admission webhook's
   * rules of a kind; `istio-grpc lint --list-analyzers` prints them all). The CRD schema stage
   * always runs. An unknown name is refused with an IstioGrpcError.
   * @default - every check
   */
  readonly analyzers?: readonly string[];
}

/** The view a run uses when none is given. */
export const DEFAULT_VIEW: ValidationView = 'istioctl';

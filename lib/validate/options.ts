/** Options of the validation engine. */
export interface ValidateOptions {
  /**
   * Istio's MeshConfig (the `mesh` key of the `istio` ConfigMap, or the file of `--meshconfig`),
   * for the analyzers that read it.
   * @default - the `istio` ConfigMap of istio-system in the input, else Istio's defaults
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
}

/** Options of the validation engine. */
export interface ValidateOptions {
  /**
   * Istio's MeshConfig (the `mesh` key of the `istio` ConfigMap, or the file of `--meshconfig`),
   * for the analyzers that read it.
   * @default - the `istio` ConfigMap of istio-system in the input, else Istio's defaults
   */
  readonly meshConfig?: Record<string, unknown>;
}

import { WEBHOOK_CODES } from './codes';
import { Issues, list, obj } from './issues';

const TARGET_KINDS = new Map([
  ['Service', ['', 'core']],
  ['ServiceEntry', ['networking.istio.io']],
  ['Gateway', ['gateway.networking.k8s.io']],
  ['GatewayClass', ['gateway.networking.k8s.io']],
]);

/** Istio's admission rules for a Telemetry resource beyond its CRD rules. */
export function checkTelemetry(issues: Issues, spec: Record<string, any>): void {
  const refs = [
    ...(spec.targetRef ? [{ ref: obj(spec.targetRef), path: 'spec.targetRef' }] : []),
    ...list(spec.targetRefs).map((r, i) => ({ ref: obj(r), path: `spec.targetRefs[${i}]` })),
  ];
  for (const { ref, path } of refs) {
    const kind = String(ref?.kind ?? '');
    const groups = TARGET_KINDS.get(kind);
    if (!groups || !groups.includes(String(ref?.group ?? ''))) {
      issues.error(WEBHOOK_CODES.TELEMETRY, `${path}.kind`, `Telemetry can target a Service, ServiceEntry, Gateway or GatewayClass, not ${ref?.group ? `${ref.group}/` : ''}${kind}`);
    }
  }
  list(spec.tracing).forEach((t, i) => {
    const sampling = obj(t)?.randomSamplingPercentage;
    if (typeof sampling === 'number' && (sampling < 0 || sampling > 100)) issues.error(WEBHOOK_CODES.PERCENTAGE, `spec.tracing[${i}].randomSamplingPercentage`, `must be within 0-100 (got ${sampling})`);
    for (const [name, tag] of Object.entries(obj(obj(t)?.customTags) ?? {})) {
      const kinds = ['literal', 'environment', 'header'].filter((k) => obj(tag)?.[k] !== undefined);
      if (kinds.length !== 1) issues.error(WEBHOOK_CODES.TELEMETRY, `spec.tracing[${i}].customTags.${name}`, 'a custom tag needs exactly one of literal, environment or header');
    }
  });
}

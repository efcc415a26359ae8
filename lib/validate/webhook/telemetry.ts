import { WEBHOOK_CODES } from './codes';
import { Issues, list, obj } from './issues';
import { checkPolicyTargets } from './policy-target';

const C = WEBHOOK_CODES.TELEMETRY;

/** Istio's ValidateTelemetry (the access-log filter expression is not checked). */
export function checkTelemetry(issues: Issues, spec: Record<string, any>): void {
  checkPolicyTargets(issues, spec, C);
  list(spec.metrics).forEach((m, i) => {
    const metrics = obj(m);
    if (!metrics) return;
    providers(issues, metrics.providers, `spec.metrics[${i}].providers`);
    list(metrics.overrides).forEach((o, j) => {
      const at = `spec.metrics[${i}].overrides[${j}]`;
      const override = obj(o);
      if (!override) {
        issues.error(C, at, 'tagOverrides may not be null');
        return;
      }
      for (const [tag, raw] of Object.entries(obj(override.tagOverrides) ?? {})) {
        const to = obj(raw);
        if (tag === '') issues.warn(C, `${at}.tagOverrides`, 'tagOverrides.name may not be empty');
        if (!to) {
          issues.error(C, `${at}.tagOverrides.${tag}`, 'tagOverrides may not be null');
          continue;
        }
        const operation = to.operation ?? 'UPSERT';
        const value = typeof to.value === 'string' ? to.value : '';
        if (operation === 'UPSERT' && value === '') issues.error(C, `${at}.tagOverrides.${tag}.value`, 'tagOverrides.value must be set when operation is UPSERT');
        if (operation === 'REMOVE' && value !== '') issues.error(C, `${at}.tagOverrides.${tag}.value`, 'tagOverrides.value may only be set when operation is UPSERT');
      }
      const match = obj(override.match);
      if (match && typeof match.customMetric === 'string' && match.customMetric === '') issues.error(C, `${at}.match.customMetric`, 'customMetric may not be empty');
    });
  });
  const tracing = list(spec.tracing);
  if (tracing.length > 1) issues.warn(C, 'spec.tracing', 'multiple tracing is not currently supported');
  tracing.forEach((t, i) => {
    const tr = obj(t);
    const at = `spec.tracing[${i}]`;
    if (!tr) return;
    if (list(tr.providers).length > 1) issues.warn(C, `${at}.providers`, 'multiple providers is not currently supported');
    providers(issues, tr.providers, `${at}.providers`);
    // A DoubleValue: a plain number in YAML.
    const sampling = tr.randomSamplingPercentage;
    if (typeof sampling === 'number' && (sampling < 0 || sampling > 100)) issues.error(WEBHOOK_CODES.PERCENTAGE, `${at}.randomSamplingPercentage`, `randomSamplingPercentage must be in range [0.0, 100.0] (got ${sampling})`);
    for (const [name, raw] of Object.entries(obj(tr.customTags) ?? {})) {
      const tag = obj(raw);
      const path = `${at}.customTags.${name}`;
      if (name === '') issues.error(C, `${at}.customTags`, 'tag name may not be empty');
      if (!tag) {
        issues.error(C, path, `tag '${name}' may not have a nil value`);
        continue;
      }
      if (obj(tag.literal) && !obj(tag.literal)!.value) issues.error(C, `${path}.literal.value`, 'literal tag value may not be empty');
      else if (obj(tag.header) && !obj(tag.header)!.name) issues.error(C, `${path}.header.name`, 'header tag name may not be empty');
      else if (obj(tag.environment) && !obj(tag.environment)!.name) issues.error(C, `${path}.environment.name`, 'environment tag name may not be empty');
    }
  });
  list(spec.accessLogging).forEach((l, i) => {
    providers(issues, obj(l)?.providers, `spec.accessLogging[${i}].providers`);
    const filter = obj(obj(l)?.filter);
    if (!filter) return;
    const problem = celSyntaxProblem(typeof filter.expression === 'string' ? filter.expression : '');
    if (problem) issues.error(C, `spec.accessLogging[${i}].filter.expression`, `must be a valid CEL expression, ${problem}`);
  });
}

/** CEL's default limit on an expression's size, in code points. */
const MAX_CEL_CODE_POINTS = 100_000;

/**
 * Istio's validateTelemetryFilter parses the access-log filter as CEL (syntax only: the attribute
 * names are Envoy's, resolved at run time).
 */
function celSyntaxProblem(expression: string): string | undefined {
  const size = [...expression].length;
  if (size > MAX_CEL_CODE_POINTS) return `expression code point size exceeds limit: size: ${size}, limit ${MAX_CEL_CODE_POINTS}`;
  try {
    // Required here, not at the top: the CEL parser takes longer to load than a small lint, and only a filter needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('@bufbuild/cel') as typeof import('@bufbuild/cel')).parse(expression);
    return undefined;
  } catch (err) {
    // A stack overflow on deep nesting is CEL's recursion limit.
    return err instanceof RangeError ? 'max recursion depth exceeded' : (err as Error).message;
  }
}

function providers(issues: Issues, refs: unknown, path: string): void {
  const bad = list(refs).findIndex((p) => typeof obj(p)?.name !== 'string' || obj(p)!.name === '');
  if (bad >= 0) issues.error(C, `${path}[${bad}].name`, 'providers.name may not be empty');
}

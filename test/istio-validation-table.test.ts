import { ISTIO_VALIDATION_TABLE, IstioValidationCase } from './istio-validation-table';
import { validateObjects } from '../lib/validate';
import { checkSchema } from '../lib/validate/schema';
import { ISTIO_WEBHOOK_CODES } from '../lib/validate/webhook/codes';
import { KubeObject } from '../lib/core/kube-object';

/** The version each kind is written in: one every CRD of ../shared/istio/crd-all.gen.yaml serves. */
const VERSION: Record<string, string> = {
  'networking.istio.io/EnvoyFilter': 'v1alpha3',
  'networking.istio.io/ProxyConfig': 'v1beta1',
  'extensions.istio.io/WasmPlugin': 'v1alpha1',
};

function objectOf(c: IstioValidationCase): KubeObject {
  const [group, kind] = c.kind.split('/');
  return { apiVersion: `${group}/${VERSION[c.kind] ?? 'v1'}`, kind, metadata: { name: c.objectName ?? 'x', namespace: 'default', ...(c.labels ? { labels: c.labels } : {}) }, spec: c.spec } as KubeObject;
}

const WEBHOOK = new Set<string>([ISTIO_WEBHOOK_CODES.ERROR, ISTIO_WEBHOOK_CODES.WARNING]);

/** What our webhook stage says of a case: valid, error or warning (IST0106/IST0133 only). */
function outcomeOf(object: KubeObject): { outcome: IstioValidationCase['expect']; findings: string[] } {
  const findings = validateObjects([object], { analyzers: [`schema.ValidationAnalyzer.${object.kind}`] }).filter((f) => WEBHOOK.has(f.code));
  const outcome = findings.some((f) => f.severity === 'error') ? 'error' : findings.length > 0 ? 'warning' : 'valid';
  return { outcome, findings: findings.map((f) => `${f.severity} ${f.code} ${f.path}: ${f.message}`) };
}

/** Cases where our outcome differs from Istio's table on purpose or for now, by `istio` key, with the reason. */
export const KNOWN_DISAGREEMENTS: Record<string, string> = {
};

/** Cases the CRD schema refuses (Istio's Go tables skip the OpenAPI schema), by `istio` key, with the reason. */
export const SCHEMA_REFUSED: Record<string, string> = {
};

/** The agreement reached per kind (percent, rounded down): the test fails below it. */
const GATE: Record<string, number> = {
};

describe('Istio\'s validation tables (test/istio-validation-table.ts)', () => {
  const results = ISTIO_VALIDATION_TABLE.map((c) => {
    const object = objectOf(c);
    const schemaErrors = checkSchema(object).filter((f) => f.severity === 'error');
    return { c, schemaErrors, ...outcomeOf(object) };
  });
  const judged = results.filter((r) => r.schemaErrors.length === 0);

  test('every case has a unique Istio reference', () => {
    const keys = ISTIO_VALIDATION_TABLE.map((c) => c.istio);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toStrictEqual([]);
  });

  test('every case the CRD schema refuses is recorded with a reason, and only those', () => {
    const refused = results.filter((r) => r.schemaErrors.length > 0).map((r) => r.c.istio);
    expect(refused.sort()).toStrictEqual(Object.keys(SCHEMA_REFUSED).sort());
  });

  test('every disagreement is recorded with a reason, and every recorded one still disagrees', () => {
    const disagreeing = judged.filter((r) => r.outcome !== r.c.expect);
    const unexplained = disagreeing.filter((r) => !(r.c.istio in KNOWN_DISAGREEMENTS))
      .map((r) => `${r.c.istio}: Istio expects ${r.c.expect}, we say ${r.outcome} ${JSON.stringify(r.findings)}`);
    expect(unexplained).toStrictEqual([]);
    const stale = Object.keys(KNOWN_DISAGREEMENTS).filter((k) => !disagreeing.some((r) => r.c.istio === k));
    expect(stale).toStrictEqual([]);
  });

  test('agreement per kind stays at or above the figure reached', () => {
    const kinds = [...new Set(judged.map((r) => r.c.kind))];
    const lines: string[] = [];
    for (const kind of kinds) {
      const mine = judged.filter((r) => r.c.kind === kind);
      const agree = mine.filter((r) => r.outcome === r.c.expect).length;
      const translated = results.filter((r) => r.c.kind === kind).length;
      const percent = Math.floor((100 * agree) / mine.length);
      lines.push(`${kind}: ${agree}/${mine.length} agree (${percent}%), ${translated} translated, ${translated - mine.length} refused by the CRD schema`);
      expect({ kind, percent: Math.max(percent, 0) }).toStrictEqual({ kind, percent: Math.max(percent, GATE[kind] ?? 100) });
    }
    const agreeAll = judged.filter((r) => r.outcome === r.c.expect).length;
    lines.push(`all: ${agreeAll}/${judged.length} agree, ${results.length} translated`);
    // The figures, for the record.
    console.log(lines.join('\n'));
  });
});

import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { errorsOf, Finding, parseYamlDocuments, ValidateOptions, validateSources } from '../../lib/validate';

/** Where the derived conformance corpus lives when the repository sits beside `shared/`. */
export const CONFORMANCE_DIR = resolve(__dirname, '../../../shared/conformance');

/** Where the corpus of Istio's own test data lives (crd/ and analyzer/ cases). */
export const ISTIO_CONFORMANCE_DIR = resolve(__dirname, '../../../shared/conformance-istio');

/**
 * How a corpus judges a case (each README says so):
 * - `derived`: the same IST codes exactly, leaving out IST0106/IST0133 (they only repeat schema
 *   findings there), and valid <-> no error finding.
 * - `istio`: every expected code among the findings (others may be reported too), and valid <->
 *   no error finding, counting only IST-coded findings where the case says `judge: ist`.
 */
export type ConformanceRules = 'derived' | 'istio';

/** One case of `expect.json`. */
export interface ConformanceCase {
  readonly file: string;
  readonly valid: boolean;
  readonly codes: readonly string[];
  readonly why: string;
  /** `ist`: validity is judged on IST-coded findings only. */
  readonly judge?: 'ist';
  /** Where the case comes from. */
  readonly source?: string;
}

/** A corpus on disk and how it is judged. */
export interface ConformanceCorpus {
  readonly dir: string;
  readonly rules: ConformanceRules;
  readonly cases: readonly ConformanceCase[];
}

/** What lint made of one case, and whether that agrees with `expect.json`. */
export interface ConformanceResult {
  readonly case: ConformanceCase;
  readonly valid: boolean;
  readonly codes: string[];
  readonly agrees: boolean;
  readonly findings: string[];
}

/** Codes istioctl reports that only repeat schema findings; the derived corpus leaves them out. */
const DERIVED_IGNORED_CODES = new Set(['IST0106', 'IST0133']);

/** istioctl's codes for what Istio's admission webhook refuses or warns about. */
const ADMISSION_IST_CODES = new Set(['IST0106', 'IST0133']);

/** The corpus cases, or undefined when the corpus is not there. */
export function loadConformanceCases(dir = CONFORMANCE_DIR): ConformanceCase[] | undefined {
  const expectFile = join(dir, 'expect.json');
  if (!existsSync(expectFile)) return undefined;
  const expected = JSON.parse(readFileSync(expectFile, 'utf8')) as Record<string, Omit<ConformanceCase, 'file'>>;
  return Object.entries(expected).map(([file, e]) => ({ file, valid: e.valid, codes: e.codes, why: e.why, judge: e.judge, source: e.source }));
}

/** A corpus by name (`derived` or `istio`), or undefined when it is not beside the repository. */
export function loadCorpus(rules: ConformanceRules): ConformanceCorpus | undefined {
  const dir = rules === 'istio' ? ISTIO_CONFORMANCE_DIR : CONFORMANCE_DIR;
  const cases = loadConformanceCases(dir);
  return cases ? { dir, rules, cases } : undefined;
}

/** The top folder of a case (`crd`, `analyzer`, `webhook`): the source figures are given per. */
export function sourceOf(c: ConformanceCase): string {
  return c.file.split('/')[0];
}

/**
 * How the analyzer cases of Istio's test data are run:
 * - `grid`: as Istio's test grid runs them (analyzers_test.go): only the analyzer the case names,
 *   which is `istioctl analyze --analyzer NAME`.
 * - `all`: every analyzer at once, as a plain `istioctl analyze` (other analyzers then report on
 *   the grid's partial fixtures, which the expectations do not account for).
 */
export type AnalyzerHarness = 'grid' | 'all';

/**
 * Istio's test grid names an analyzer by its Go type (`deprecation.FieldAnalyzer`); `--analyzer`
 * takes the name its Metadata gives. These differ for a few.
 */
const ANALYZER_NAME_OF_GO_TYPE: Record<string, string> = {
  'authz.AuthorizationPoliciesAnalyzer': 'auth.AuthorizationPoliciesAnalyzer',
  'deployment.ApplicationUIDAnalyzer': 'applicationUID.Analyzer',
  'deployment.ServiceAssociationAnalyzer': 'deployment.MultiServiceAnalyzer',
  'deprecation.FieldAnalyzer': 'deprecation.DeprecationAnalyzer',
  'destinationrule.PodNotSelectedAnalyzer': 'destinationrule.SubsetSelectPodAnalyzer',
  'serviceentry.ProtocolAddressesAnalyzer': 'serviceentry.Analyzer',
};

/** The analyzer (by `--analyzer` name) an analyzer case of Istio's test grid runs, from its `why`. */
export function gridAnalyzerOf(c: ConformanceCase): string | undefined {
  const goType = /^analyzer (\S+) /.exec(c.why)?.[1];
  return goType === undefined ? undefined : ANALYZER_NAME_OF_GO_TYPE[goType] ?? goType;
}

/** Lints one case and judges the outcome by the corpus rules. */
export function runConformanceCase(
  c: ConformanceCase,
  dir = CONFORMANCE_DIR,
  rules: ConformanceRules = 'derived',
  options: ValidateOptions = {},
  harness: AnalyzerHarness = 'grid',
): ConformanceResult {
  const parsed = parseYamlDocuments(readFileSync(join(dir, c.file), 'utf8'), c.file);
  const analyzer = rules === 'istio' && sourceOf(c) === 'analyzer' && harness === 'grid' ? gridAnalyzerOf(c) : undefined;
  const findings = validateSources(parsed.sources, analyzer ? { ...options, analyzers: [analyzer] } : options);
  const judged = rules === 'istio' && sourceOf(c) === 'crd'
    ? findings.filter(isAdmissionFinding)
    : c.judge === 'ist' ? findings.filter((f) => f.code.startsWith('IST')) : findings;
  const valid = parsed.problems.length === 0 && errorsOf(judged).length === 0;
  const reported = [...new Set(findings.map((f) => f.code).filter((code) => code.startsWith('IST')))].sort();
  const expectedCodes = [...c.codes].sort();
  let codes: string[];
  let codesAgree: boolean;
  if (rules === 'istio') {
    codes = reported;
    codesAgree = expectedCodes.every((code) => reported.includes(code));
  } else {
    codes = reported.filter((code) => !DERIVED_IGNORED_CODES.has(code));
    codesAgree = codes.join(',') === expectedCodes.join(',');
  }
  return {
    case: c,
    valid,
    codes,
    agrees: valid === c.valid && codesAgree,
    findings: [...parsed.problems, ...findings.map((f) => `${f.severity} ${f.code} ${f.resource.kind}/${f.resource.name} ${f.path ?? ''} ${f.message}`)],
  };
}

/**
 * What the API server (schema, CEL, list keys) and Istio's webhook decide: the oracle of the
 * crd/ cases of Istio's test data, which the cross-object analyzers are not part of.
 */
function isAdmissionFinding(f: Finding): boolean {
  return /^IGR[01]\d{3}$/.test(f.code) || ADMISSION_IST_CODES.has(f.code);
}

/** Agreement per source folder and overall. */
export function agreementBySource(results: readonly ConformanceResult[]): Map<string, { agree: number; total: number }> {
  const out = new Map<string, { agree: number; total: number }>();
  for (const r of results) {
    for (const key of [sourceOf(r.case), 'all']) {
      const row = out.get(key) ?? { agree: 0, total: 0 };
      row.total += 1;
      if (r.agrees) row.agree += 1;
      out.set(key, row);
    }
  }
  return out;
}

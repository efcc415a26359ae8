import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { errorsOf, parseYamlDocuments, validateSources } from '../../lib/validate';

/** Where the Istio conformance corpus lives when the repository sits beside `shared/`. */
export const CONFORMANCE_DIR = resolve(__dirname, '../../../shared/conformance');

/** One case of `expect.json`. */
export interface ConformanceCase {
  readonly file: string;
  readonly valid: boolean;
  readonly codes: readonly string[];
  readonly why: string;
}

/** What lint made of one case, and whether that agrees with `expect.json`. */
export interface ConformanceResult {
  readonly case: ConformanceCase;
  readonly valid: boolean;
  readonly codes: string[];
  readonly agrees: boolean;
  readonly findings: string[];
}

/** Codes istioctl reports that only repeat schema findings; the corpus leaves them out. */
const IGNORED_CODES = new Set(['IST0106', 'IST0133']);

/** The corpus cases, or undefined when the corpus is not there. */
export function loadConformanceCases(dir = CONFORMANCE_DIR): ConformanceCase[] | undefined {
  const expectFile = join(dir, 'expect.json');
  if (!existsSync(expectFile)) return undefined;
  const expected = JSON.parse(readFileSync(expectFile, 'utf8')) as Record<string, Omit<ConformanceCase, 'file'>>;
  return Object.entries(expected).map(([file, e]) => ({ file, valid: e.valid, codes: e.codes, why: e.why }));
}

/** Lints one case: valid means no error finding; codes are the IST codes reported (sorted, unique). */
export function runConformanceCase(c: ConformanceCase, dir = CONFORMANCE_DIR): ConformanceResult {
  const parsed = parseYamlDocuments(readFileSync(join(dir, c.file), 'utf8'), c.file);
  const findings = validateSources(parsed.sources);
  const valid = parsed.problems.length === 0 && errorsOf(findings).length === 0;
  const codes = [...new Set(findings.map((f) => f.code).filter((code) => code.startsWith('IST') && !IGNORED_CODES.has(code)))].sort();
  const expectedCodes = [...c.codes].sort();
  const agrees = valid === c.valid && codes.join(',') === expectedCodes.join(',');
  return {
    case: c,
    valid,
    codes,
    agrees,
    findings: [...parsed.problems, ...findings.map((f) => `${f.severity} ${f.code} ${f.path ?? ''} ${f.message}`)],
  };
}

import { isAbsolute } from 'path';
import { pathToFileURL } from 'url';
import { IST } from '../validate/analyzer/codes';
import { ALL_CODES } from '../validate/codes';
import { describeResource, Finding, Severity } from '../validate/finding';

/** The schema SARIF consumers (GitHub code scanning among them) expect in `$schema`. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF's `level` for each of our severities (`info` is SARIF's `note`). */
const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** One rule of the SARIF `tool.driver.rules` table. */
interface SarifRule {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly defaultConfiguration: { readonly level: 'error' | 'warning' | 'note' };
  readonly helpUri?: string;
}

/**
 * Every code lint reports, as SARIF rules: ours with their one-line title (capitalized), Istio's IST codes
 * with their message name spelled out and a link to Istio's page for the code.
 */
export function sarifRules(): SarifRule[] {
  const ours = ALL_CODES.map((c) => ({ id: c.code, text: capitalized(c.title), severity: c.severity, helpUri: undefined }));
  const istio = Object.entries(IST).map(([name, c]) => ({
    id: c.code,
    text: sentenceOf(name),
    severity: c.severity as Severity,
    helpUri: `https://istio.io/latest/docs/reference/config/analysis/${c.code.toLowerCase()}/`,
  }));
  return [...ours, ...istio]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => ({
      id: r.id,
      shortDescription: { text: r.text },
      defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
      ...(r.helpUri ? { helpUri: r.helpUri } : {}),
    }));
}

/**
 * A SARIF 2.1.0 log of one run for code-scanning upload: the rules table, then one result per
 * finding with its file, line and column. Findings whose code is in no table still get a rule,
 * so every `ruleIndex` points at a rule.
 */
export function renderLintSarif(findings: readonly Finding[], toolVersion: string): string {
  const rules = sarifRules();
  for (const f of findings) {
    if (!rules.some((r) => r.id === f.code)) {
      rules.push({ id: f.code, shortDescription: { text: f.code }, defaultConfiguration: { level: SARIF_LEVEL[f.severity] } });
    }
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'istio-grpc', version: toolVersion, rules } },
      results: findings.map((f) => ({
        ruleId: f.code,
        ruleIndex: index.get(f.code),
        level: SARIF_LEVEL[f.severity],
        message: { text: `${describeResource(f.resource)}${f.path ? ` ${f.path}` : ''}: ${f.message}` },
        locations: locationsOf(f),
      })),
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** Where the finding is: a file region when it came from a file, always the object it is about. */
function locationsOf(f: Finding) {
  const logicalLocations = [{ fullyQualifiedName: describeResource(f.resource), kind: 'object' }];
  if (!f.file || f.file === '<stdin>') return [{ logicalLocations }];
  const region = f.line !== undefined
    ? { region: { startLine: f.line, ...(f.column !== undefined ? { startColumn: f.column } : {}) } }
    : {};
  return [{ physicalLocation: { artifactLocation: { uri: uriOf(f.file) }, ...region }, logicalLocations }];
}

/**
 * A URI reference for a file path: relative paths stay relative (code scanning resolves them
 * against the checkout), with `/` separators and each segment percent-encoded; absolute ones
 * become `file://` URLs.
 */
export function uriOf(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map((segment) => encodeURIComponent(segment)).join('/');
}

/** `REFERENCED_RESOURCE_NOT_FOUND` -> `Referenced resource not found`. */
function sentenceOf(constantName: string): string {
  return capitalized(constantName.toLowerCase().split('_').join(' '));
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

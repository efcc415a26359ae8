/**
 * The decoding differential of `npm run fuzz`: random YAML documents (scalars of every form,
 * tags, anchors and aliases, merge keys anywhere, duplicated keys, block and flow nesting,
 * comments, CRLF) decoded by lint's reader and by kubectl; they must agree.
 */
import { parseYamlDocuments } from '../../lib/validate/yaml-documents';
import { canonicalJson, kubectlDecode, KubectlResult } from '../../test/util/kubectl-oracle';
import { configMap, SCALARS } from '../../test/util/yaml-corpus';

const TAGS = ['!!str ', '!!int ', '!!float ', '!!bool ', '!!null ', '!foo ', '! '];
/** Refusals of ours that are deliberate (see test/yaml-kubectl-differential.test.ts). */
const KNOWN_REFUSALS = [/kubectl needs a space after the tag/, /is a line break to kubectl/, /invalid document separator/];

const READABLE = SCALARS.filter((s) => /^[\w.+-]/.test(s) && !/inf|nan|^-$|1e400/i.test(s));

/** Writes one random document's `spec` lines (indented by two). */
export function randomSpec(rand: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const anchors: string[] = [];
  const keys = ['a', 'b', 'c', 'y', 'on', '1', '0x1', 'k:v', '1.5', 'Yes'];
  const scalar = (): string => {
    // Mostly scalars kubectl reads, so most documents get compared value by value.
    const s = rand() < 0.8 ? pick(READABLE) : pick(SCALARS);
    const r = rand();
    if (r < 0.1) return `'${s.replace(/'/g, "''")}'`;
    if (r < 0.15) return JSON.stringify(s);
    if (r < 0.19 && s !== '') return `${pick(TAGS)}${s}`;
    if (r < 0.32 && anchors.length) return `*${pick(anchors)}`;
    return s;
  };
  const anchored = (text: string) => {
    if (rand() >= 0.2) return text;
    const name = `a${anchors.length}`;
    anchors.push(name);
    return `&${name} ${text}`;
  };
  const flow = (depth: number): string => {
    const r = rand();
    if (depth > 2 || r < 0.4) return scalar();
    const n = Math.floor(rand() * 4);
    if (r < 0.7) return anchored(`[${Array.from({ length: n }, () => flow(depth + 1)).join(', ')}]`);
    const entries = Array.from({ length: n }, () => (rand() < 0.15 && anchors.length ? `<<: *${pick(anchors)}` : `${pick(keys)}: ${flow(depth + 1)}`));
    return anchored(`{${entries.join(', ')}}`);
  };
  const block = (indent: string, depth: number): string[] => {
    const lines: string[] = [];
    const n = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < n; i++) {
      const key = rand() < 0.9 ? pick(keys) : scalar();
      const r = rand();
      if (r < 0.1 && anchors.length) lines.push(`${indent}<<: *${pick(anchors)}`);
      else if (r < 0.2 && depth < 3) lines.push(`${indent}${key}:`, ...block(`${indent}  `, depth + 1));
      else if (r < 0.3 && depth < 3) lines.push(`${indent}${key}:`, ...Array.from({ length: 1 + Math.floor(rand() * 3) }, () => `${indent}- ${flow(depth + 1)}`));
      else lines.push(`${indent}${key}: ${flow(depth)}${rand() < 0.1 ? ' # comment' : ''}`);
    }
    return lines;
  };
  return block('  ', 0).join('\n');
}

/** What one differential run found. */
export interface DecodingReport {
  readonly cases: number;
  readonly accepted: number;
  readonly refused: number;
  readonly mismatches: string[];
  readonly slowestMs: number;
}

/** Decodes `runs` random documents with lint's reader and with kubectl, and lists disagreements. */
export async function decodingDifferential(runs: number, rand: () => number): Promise<DecodingReport> {
  const texts = Array.from({ length: runs }, (_, i) => configMap(`f${i}`, randomSpec(rand), rand() < 0.1 ? { eol: '\r\n' } : {}));
  const results: KubectlResult[] = await kubectlDecode(texts);
  const mismatches: string[] = [];
  let slowestMs = 0;
  texts.forEach((text, i) => {
    const start = performance.now();
    const ours = parseYamlDocuments(text, 'fuzz.yaml');
    slowestMs = Math.max(slowestMs, performance.now() - start);
    const r = results[i];
    if (r.ok && ours.problems.length && !KNOWN_REFUSALS.some((k) => k.test(ours.problems[0]))) {
      mismatches.push(`kubectl accepts, lint refuses (${ours.problems[0]}):\n${text}`);
    } else if (r.ok && !ours.problems.length && canonicalJson(ours.sources.map((s) => s.object)) !== canonicalJson(r.objects)) {
      mismatches.push(`decoded differently:\n${text}\nlint:    ${canonicalJson(ours.sources.map((s) => s.object))}\nkubectl: ${canonicalJson(r.objects)}`);
    } else if (!r.ok && !ours.problems.length) {
      mismatches.push(`kubectl refuses (${r.error.split('\n').pop()}), lint accepts:\n${text}`);
    }
  });
  return { cases: runs, accepted: results.filter((r) => r.ok).length, refused: results.filter((r) => !r.ok).length, mismatches, slowestMs };
}

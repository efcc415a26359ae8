/** A seeded source of integers, so a failing run can be repeated with its seed. */
export interface Rand {
  /** An integer from min to max, both included. */
  nextInt(min: number, max: number): number;
}

/** mulberry32: small, fast and good enough to pick mutations (32-bit integer arithmetic by design). */
/* eslint-disable no-bitwise */
export function seededRand(seed: number): Rand {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { nextInt: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}
/* eslint-enable no-bitwise */

/** Ways to break a text input: each keeps the rest of the text so parsers get far into it. */
export type Mutation = (text: string, rand: Rand) => string;

const pick = <T>(rand: Rand, items: readonly T[]): T => items[rand.nextInt(0, items.length - 1)];

const deleteSpan: Mutation = (t, r) => {
  if (!t.length) return t;
  const at = r.nextInt(0, t.length - 1);
  return t.slice(0, at) + t.slice(Math.min(t.length, at + r.nextInt(1, 40)));
};
const deleteLine: Mutation = (t, r) => {
  const lines = t.split('\n');
  lines.splice(r.nextInt(0, lines.length - 1), 1);
  return lines.join('\n');
};
const duplicateLine: Mutation = (t, r) => {
  const lines = t.split('\n');
  const i = r.nextInt(0, lines.length - 1);
  lines.splice(i, 0, lines[i]);
  return lines.join('\n');
};
/** Swaps a scalar value for a value of another type (list, map, number, null, bool, huge string). */
const swapType: Mutation = (t, r) => {
  const lines = t.split('\n');
  const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => /:\s+\S/.test(l));
  if (!candidates.length) return t;
  const [line, i] = pick(r, candidates);
  const replacement = pick(r, ['[]', '{}', '-1', '0', '1e309', 'null', 'true', '"x"', '[1, "a", {b: c}]', `"${'z'.repeat(5000)}"`, '~', '.nan', '0x1F', '2024-01-01']);
  lines[i] = line.replace(/:\s+.*$/, `: ${replacement}`);
  return lines.join('\n');
};
const insertJunk: Mutation = (t, r) => {
  const at = r.nextInt(0, t.length);
  const junk = pick(r, ['\u0000', '\t', ': :', '- - -', '&a', '*a', '!!binary', '{', ']', '"', "'", '---', '...', '%YAML 1.1', '\ufeff', '\u00ff\u00fe', '\\x00']);
  return t.slice(0, at) + junk + t.slice(at);
};
const binary: Mutation = (_t, r) => Buffer.from(Array.from({ length: r.nextInt(1, 4096) }, () => r.nextInt(0, 255))).toString('latin1');

/** Mutations for YAML inputs. */
export const YAML_MUTATIONS: readonly Mutation[] = [deleteSpan, deleteLine, duplicateLine, swapType, swapType, insertJunk, binary];
/** Mutations for access-log inputs. */
export const LOG_MUTATIONS: readonly Mutation[] = [deleteSpan, deleteLine, duplicateLine, insertJunk, binary];

/** Applies 1-4 random mutations. */
export function mutate(text: string, mutations: readonly Mutation[], rand: Rand): string {
  let out = text;
  for (let n = rand.nextInt(1, 4); n > 0; n--) out = pick(rand, mutations)(out, rand);
  return out;
}

/** Inputs built to exhaust a naive reader: nesting, alias bombs, huge documents, many documents. */
export function hostileYamlInputs(): { name: string; text: string }[] {
  const levels = Array.from({ length: 40 }, (_, i) => `  l${i + 1}: &l${i + 1} [*l${i}, *l${i}, *l${i}, *l${i}]`);
  return [
    { name: 'deep flow nesting', text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(20000)}${']'.repeat(20000)}\n` },
    { name: 'deep block nesting', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n' + Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n') + ' x\n' },
    { name: 'alias bomb', text: ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: bomb}', 'data:', '  l0: &l0 "lol"', ...levels].join('\n') },
    { name: 'huge document', text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n${Array.from({ length: 200000 }, (_, i) => `  k${i}: "${'v'.repeat(20)}"`).join('\n')}\n` },
    { name: 'many documents', text: Array.from({ length: 20000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}`).join('\n---\n') },
    { name: 'deep spec nesting in an Istio kind', text: `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: deep}\nspec: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n` },
    { name: 'long line', text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long}\ndata: {k: "${'x'.repeat(8 * 1024 * 1024)}"}\n` },
  ];
}

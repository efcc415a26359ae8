/**
 * Kubernetes resource quantities (`250m`, `1.5`, `128Mi`, `1e3`), read with the grammar of
 * apimachinery's `resource.Quantity`: a signed decimal number, then a binary suffix (Ki..Ei), a
 * decimal suffix (n, u, m, k, M..E) or a decimal exponent (`e3`).
 */
const QUANTITY = /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** A parsed quantity: its value in base units (cores, bytes) and the suffix it was written with. */
export interface ParsedQuantity {
  readonly value: number;
  readonly suffix: string;
  /** The text without surrounding white space. */
  readonly text: string;
}

/** The quantity `text` denotes, or undefined when Kubernetes would not parse it. */
export function parseQuantity(text: unknown): ParsedQuantity | undefined {
  if (typeof text !== 'string' || text.length > 64) return undefined;
  // Kubernetes trims surrounding white space before parsing.
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const [, sign, digits, suffix = ''] = m;
  const scale = BINARY[suffix] ?? DECIMAL[suffix] ?? (suffix ? 10 ** Number(suffix.slice(1)) : 1);
  const value = Number(digits) * scale * (sign === '-' ? -1 : 1);
  return Number.isFinite(value) ? { value, suffix, text: text.trim() } : undefined;
}

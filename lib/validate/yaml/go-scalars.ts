/**
 * Scalars resolved the way go-yaml v2 does it for sigs.k8s.io/yaml (and so for kubectl): YAML 1.1
 * booleans and nulls in a fixed set of spellings, Go's integer syntax after dropping underscores
 * (`0x`, `0o`, `0b`, leading-zero octal), floats only in YAML's decimal form, timestamps kept as
 * the text, and explicit tags checked against what the text resolves to.
 */

/** A resolved scalar; `int`/`uint` keep their exact digits because map keys print them. */
export type GoScalar =
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int' | 'uint'; readonly value: number; readonly digits: string }
  | { readonly kind: 'float'; readonly value: number };

/** A scalar kubectl refuses, with go-yaml's reason. */
export class ScalarError extends Error {}

const YAML = 'tag:yaml.org,2002:';
const STR = `${YAML}str`;
const BINARY = `${YAML}binary`;
const TIMESTAMP = `${YAML}timestamp`;
/** Tags whose text go-yaml resolves; any other tag (even unknown ones) leaves the text a string. */
const RESOLVABLE = new Set(['', STR, `${YAML}bool`, `${YAML}int`, `${YAML}float`, `${YAML}null`, TIMESTAMP]);

const BY_SPELLING = new Map<string, GoScalar>();
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) BY_SPELLING.set(s, { kind: 'bool', value: true });
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) BY_SPELLING.set(s, { kind: 'bool', value: false });
for (const s of ['', '~', 'null', 'Null', 'NULL']) BY_SPELLING.set(s, { kind: 'null' });
for (const s of ['.nan', '.NaN', '.NAN']) BY_SPELLING.set(s, { kind: 'float', value: NaN });
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) BY_SPELLING.set(s, { kind: 'float', value: Infinity });
for (const s of ['-.inf', '-.Inf', '-.INF']) BY_SPELLING.set(s, { kind: 'float', value: -Infinity });

const GO_INT = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const SHORT_DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})$/;
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** The tag a YAML tag property stands for: `!!int` is `tag:yaml.org,2002:int`, `!<x>` is `x`. */
export function expandTag(raw: string): string {
  if (raw.startsWith('!<') && raw.endsWith('>')) return raw.slice(2, -1);
  if (raw.startsWith('!!')) return YAML + raw.slice(2);
  return raw;
}

/**
 * Resolves one scalar. `tag` is the expanded tag ('' when none); `plain` tells whether the text
 * was unquoted (only untagged plain scalars are resolved implicitly).
 */
export function resolveScalar(text: string, tag: string, plain: boolean): GoScalar {
  if (tag === '' && !plain) return { kind: 'str', value: text };
  if (tag === BINARY) return { kind: 'str', value: decodeBinary(text) };
  if (!RESOLVABLE.has(tag)) return { kind: 'str', value: text };
  const found = tag === STR ? { kind: 'str', value: text } as GoScalar : implicitValue(text, tag);
  if (tag === '' || tag === STR) return found;
  const wanted = tag.slice(YAML.length);
  if (wanted === 'float' && found.kind === 'int') return { kind: 'float', value: found.value };
  const got = found.kind === 'uint' ? 'int' : found.kind === 'str' && tag === TIMESTAMP && isTimestamp(text) ? 'timestamp' : found.kind;
  if (got !== wanted) throw new ScalarError(`cannot decode !!${got} \`${clip(text)}\` as a !!${wanted}`);
  return found;
}

function implicitValue(text: string, tag: string): GoScalar {
  const known = BY_SPELLING.get(text);
  if (known) return known;
  const first = text.charCodeAt(0);
  if (first === 0x2e /* . */) {
    // kubectl drops underscores here too (`.5_0` is 0.5).
    const digits = text.replace(/_/g, '');
    if (DOT_FLOAT.test(digits)) {
      const value = Number(digits);
      if (Number.isFinite(value)) return { kind: 'float', value };
    }
    return { kind: 'str', value: text };
  }
  const isDigit = first >= 0x30 && first <= 0x39;
  if (!isDigit && first !== 0x2b && first !== 0x2d) return { kind: 'str', value: text };
  // Timestamps stay text when decoded into untyped values, so there is nothing to convert.
  if ((tag === '' || tag === TIMESTAMP) && isTimestamp(text)) return { kind: 'str', value: text };
  const digits = text.replace(/_/g, '');
  const int = goInt(digits);
  if (int !== undefined) return int;
  if (YAML_FLOAT.test(digits)) {
    const value = Number(digits);
    // Go refuses out-of-range floats, and the text then stays a string.
    if (Number.isFinite(value)) return { kind: 'float', value };
  }
  return { kind: 'str', value: text };
}

/** Go's `strconv.ParseInt(s, 0, 64)`, falling back to `ParseUint` (which takes no sign). */
function goInt(text: string): GoScalar | undefined {
  // Most integers are short decimals: exact as doubles, no BigInt needed.
  if (SHORT_DECIMAL.test(text)) {
    const value = Number(text);
    return { kind: 'int', value, digits: String(value) };
  }
  const m = GO_INT.exec(text);
  if (!m) return undefined;
  const body = m[2];
  const magnitude = body.length > 1 && body[0] === '0' && /[0-7]/.test(body[1]) ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  const value = m[1] === '-' ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return { kind: 'int', value: Number(value), digits: value.toString() };
  if (m[1] === '' && value <= UINT64_MAX) return { kind: 'uint', value: Number(value), digits: value.toString() };
  return undefined;
}

const TIMESTAMP_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?$/,
];

/** The timestamp forms go-yaml accepts (Go's `time.Parse` with short date fields), range-checked. */
function isTimestamp(text: string): boolean {
  // Every form starts with a four-digit year and a dash.
  if (text.charCodeAt(4) !== 0x2d) return false;
  for (const form of TIMESTAMP_FORMS) {
    const m = form.exec(text);
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return false;
    if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59)) return false;
    if (m[8] !== undefined && m[8] !== 'Z' && (Number(m[8].slice(1, 3)) > 23 || Number(m[8].slice(4)) > 59)) return false;
    return true;
  }
  return false;
}

/** Go's standard base64 (padding required; line breaks ignored), bytes read as Go's JSON encoder does. */
function decodeBinary(text: string): string {
  const compact = text.replace(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) {
    throw new ScalarError('!!binary value contains invalid base64 data');
  }
  return utf8LikeGo(Buffer.from(compact, 'base64'));
}

/** UTF-8 decoding where every byte of an invalid sequence becomes one U+FFFD, as in Go. */
function utf8LikeGo(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    // Arithmetic rather than bit operations: lead byte minus its marker, then 6 bits per continuation.
    let cp = need === 0 ? b : need === 1 ? b - 0xc0 : need === 2 ? b - 0xe0 : b - 0xf0;
    let ok = need >= 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) ok = false;
      else cp = cp * 64 + (c - 0x80);
    }
    const minimum = [0, 0x80, 0x800, 0x10000][Math.max(need, 0)];
    if (ok && (cp < minimum || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) {
      out += String.fromCodePoint(cp);
      i += need + 1;
    } else {
      out += '\ufffd';
      i += 1;
    }
  }
  return out;
}

/**
 * The JSON key sigs.k8s.io/yaml makes of a scalar key: integers in decimal, booleans as
 * `true`/`false`, floats through Go's `FormatFloat(f, 'g', -1, 32)`; null and unsigned keys
 * beyond int64 have no JSON form, and kubectl refuses them.
 */
export function jsonKeyOf(key: GoScalar): string | { readonly refused: string } {
  switch (key.kind) {
    case 'str': return key.value;
    case 'bool': return String(key.value);
    case 'int': return key.digits;
    case 'float': return formatFloat32(key.value);
    case 'null': return { refused: 'a null map key has no JSON form' };
    case 'uint': return { refused: `the map key ${key.digits} is beyond int64 and has no JSON form` };
  }
}

/** Go's `strconv.FormatFloat(f, 'g', -1, 32)`, with infinities and NaN written as YAML does. */
function formatFloat32(value: number): string {
  const f = Math.fround(value);
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  let p = 1;
  while (p < 9 && Math.fround(Number(f.toPrecision(p))) !== f) p++;
  const [mantissa, exponent] = Math.abs(f).toExponential(p - 1).split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
  const exp = Number(exponent);
  const sign = f < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${exp < 0 ? '-' : '+'}${e}`;
  }
  const point = exp + 1;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

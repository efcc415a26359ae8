import { isDns1123Label, isDns1123Subdomain } from '../validate/schema/object-meta';

export { isDns1123Label, isDns1123Subdomain };

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Whether a Service name is valid: the API server requires a DNS-1035 label (a letter first, at most 63). */
export function isServiceName(name: string): boolean {
  return name.length <= 63 && DNS1035_LABEL.test(name);
}

/** Whether a label key is valid: `[prefix/]name`, the prefix a DNS-1123 subdomain, the name at most 63. */
export function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  return name.length <= 63 && LABEL_NAME.test(name) && (prefix === undefined || isDns1123Subdomain(prefix));
}

/** Whether a label value is valid: at most 63 alphanumerics, `-`, `_` or `.`, alphanumeric at both ends (or empty). */
export function isLabelValue(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 63 && LABEL_VALUE.test(value);
}

/** Whether every key and value of a selector is valid label syntax, so it may go on a `kubectl -l` line. */
export function isValidSelector(selector: Readonly<Record<string, unknown>>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => isLabelKey(k) && isLabelValue(v));
}

/**
 * POSIX shell quoting: the value inside single quotes, each `'` written as `'\''`. Nothing inside
 * single quotes is special to the shell, so a copied command runs exactly this value.
 */
export function shellQuote(value: string | number): string {
  return `'${String(value).replace(/'/g, "'\\''")}'`;
}

/**
 * `<namespace>.<name>.runbook.md`. Both are DNS labels, which hold no `.`, so the first dot
 * separates them and two services never share a file (`team-a/api` and `team/a-api` give
 * `team-a.api.runbook.md` and `team.a-api.runbook.md`); a label also holds no `/` or `..`.
 */
export function runbookFileName(namespace: string, name: string): string {
  if (!isDns1123Label(namespace) || !isServiceName(name)) {
    throw new Error(`no runbook file name for ${JSON.stringify(namespace)}/${JSON.stringify(name)}: not DNS labels`);
  }
  return `${namespace}.${name}.runbook.md`;
}

/** Whether a file name is one `runbookFileName` produces. */
export function isRunbookFileName(fileName: string): boolean {
  const m = /^([a-z0-9-]+)\.([a-z0-9-]+)\.runbook\.md$/.exec(fileName);
  return m !== null && isDns1123Label(m[1]) && isServiceName(m[2]);
}

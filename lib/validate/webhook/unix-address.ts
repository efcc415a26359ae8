/** How Istio marks a unix domain socket address. */
export const UNIX_PREFIX = 'unix://';

/**
 * Istio's ValidateUnixAddress, on what follows `unix://`: not empty, and either an abstract
 * socket (`@name`) or an absolute path to a file (a path, not a directory). Undefined when valid.
 */
export function unixAddressProblem(address: string): string | undefined {
  if (address === '') return 'unix address must not be empty';
  if (address.startsWith('@')) return undefined;
  if (!address.startsWith('/') || address.endsWith('/')) return `${address} is not an absolute path to a file`;
  return undefined;
}

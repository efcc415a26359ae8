/**
 * IP address syntax as Kubernetes reads it, for the OpenAPI formats `ipv4`/`ipv6` and the CEL
 * function `isIP`. Two readings exist there: the schema formats parse "sloppily" (Go's pre-1.17
 * net.ParseIP: leading zeros in an IPv4 field allowed), while CEL's `isIP` parses strictly
 * (net/netip: no leading zeros, no zone, no IPv4-mapped IPv6 address).
 */

/** The four fields of a dotted IPv4 address, or undefined. */
function ipv4Fields(text: string, sloppy: boolean): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const fields: number[] = [];
  for (const part of parts) {
    if (!/^[0-9]+$/.test(part) || (!sloppy && part.length > 1 && part.startsWith('0'))) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    fields.push(value);
  }
  return fields;
}

/** The eight 16-bit groups of an IPv6 address (an IPv4 tail counts as two), or undefined. */
function ipv6Groups(text: string, sloppy: boolean): { groups: number[]; ipv4Tail: boolean } | undefined {
  if (text.includes('%')) return undefined; // zones are refused by both readings
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (half: string): { groups: number[]; ipv4Tail: boolean } | undefined => {
    if (half === '') return { groups: [], ipv4Tail: false };
    const pieces = half.split(':');
    const groups: number[] = [];
    let ipv4Tail = false;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = ipv4Fields(piece, sloppy);
        if (!v4) return undefined;
        groups.push(v4[0] * 256 + v4[1], v4[2] * 256 + v4[3]);
        ipv4Tail = true;
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return { groups, ipv4Tail };
  };
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : { groups: [], ipv4Tail: false };
  if (!head || !tail) return undefined;
  // An IPv4 tail may only end the address.
  if (head.ipv4Tail && halves.length === 2) return undefined;
  const count = head.groups.length + tail.groups.length;
  // `::` stands for at least one zero group; without it there must be exactly eight.
  if (halves.length === 2 ? count > 7 : count !== 8) return undefined;
  const zeros = new Array<number>(8 - count).fill(0);
  return { groups: [...head.groups, ...zeros, ...tail.groups], ipv4Tail: head.ipv4Tail || tail.ipv4Tail };
}

/** The OpenAPI `ipv4` format (kube-openapi strfmt: parses sloppily and contains a dot). */
export function isIpv4Format(text: string): boolean {
  return text.includes('.') && (ipv4Fields(text, true) !== undefined || ipv6Groups(text, true) !== undefined);
}

/** The OpenAPI `ipv6` format (kube-openapi strfmt: parses sloppily and contains a colon). */
export function isIpv6Format(text: string): boolean {
  return text.includes(':') && ipv6Groups(text, true) !== undefined;
}

/** CEL's `isIP(string)` of the Kubernetes IP library: a strictly written IPv4 or IPv6 address, not IPv4-mapped. */
export function isIpStrict(text: string): boolean {
  if (ipv4Fields(text, false)) return true;
  const v6 = ipv6Groups(text, false);
  if (!v6) return false;
  const g = v6.groups;
  const ipv4Mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
  return !ipv4Mapped;
}

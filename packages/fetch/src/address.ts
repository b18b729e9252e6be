import { isIPv4, isIPv6 } from 'node:net';

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
}

/** What an address is, for the fetch guard: each non-public kind is its own permission or none. */
export type AddressKind = 'public' | 'loopback' | 'private' | 'link-local' | 'reserved';

const V4_BLOCKS: Array<[string, number, AddressKind]> = [
  ['0.0.0.0', 8, 'loopback'], // "this host": connecting to 0.0.0.0 reaches the local machine
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'], // carrier-grade NAT
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'], // including cloud metadata 169.254.169.254
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['224.0.0.0', 4, 'reserved'],
  ['240.0.0.0', 4, 'reserved'],
];

/**
 * Loopback (127/8, ::1, and the unspecified 0.0.0.0 and :: that reach the local machine), private
 * (RFC 1918, carrier-grade NAT, fc00::/7), link-local (169.254/16 with the cloud metadata address,
 * fe80::/10), reserved (multicast, broadcast, benchmarking…) or public. Anything that is not an IP
 * address (a name, an empty string) is reserved: the guard fails closed.
 */
export function addressKind(address: string): AddressKind {
  if (isIPv4(address)) {
    const ip = ipv4ToInt(address);
    const block = V4_BLOCKS.find(([base, bits]) => {
      const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
      return (ip & mask) === (ipv4ToInt(base) & mask);
    });
    return block ? block[2] : 'public';
  }
  if (isIPv6(address)) {
    const g = ipv6Groups(address);
    // IPv4-mapped ::ffff:a.b.c.d, however written (WHATWG URLs print it as ::ffff:7f00:1).
    if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
      const [hi = 0, lo = 0] = g.slice(6);
      return addressKind(`${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`);
    }
    const first = g[0] ?? 0;
    if (g.slice(0, 7).every((x) => x === 0) && (g[7] === 0 || g[7] === 1)) return 'loopback';
    if ((first & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
    if ((first & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
    if ((first & 0xff00) === 0xff00) return 'reserved'; // ff00::/8 multicast
    return 'public';
  }
  return 'reserved';
}

/** Loopback, private, carrier-grade NAT, link-local/metadata, multicast and reserved addresses. */
export function isPrivateAddress(address: string): boolean {
  return addressKind(address) !== 'public';
}

/**
 * Which non-public addresses a fetch may reach. Loopback and private networks are separate
 * switches (`private` implies loopback, as a replay server on a LAN host needs both); link-local
 * addresses — the cloud metadata service among them — and reserved ranges are never allowed.
 */
export interface AddressPermissions {
  loopback?: boolean;
  private?: boolean;
}

export function addressAllowed(address: string, permissions: AddressPermissions): boolean {
  const kind = addressKind(address);
  if (kind === 'public') return true;
  if (kind === 'loopback') return permissions.loopback === true || permissions.private === true;
  if (kind === 'private') return permissions.private === true;
  return false;
}

/** Why an address was refused, for the error message. */
export function refusalReason(address: string, permissions: AddressPermissions): string {
  const kind = addressKind(address);
  const allowedSome = permissions.loopback === true || permissions.private === true;
  if (kind === 'link-local') {
    return `the link-local address ${address} (cloud metadata lives here; never allowed, not even with private or loopback addresses allowed)`;
  }
  if (kind === 'reserved') return `the reserved address ${address} (never allowed)`;
  if (kind === 'private' && allowedSome) return `the private address ${address} (only loopback is allowed)`;
  return `the non-public address ${address}`;
}

/** The eight 16-bit groups of a valid IPv6 address (compressed, uncompressed or with an IPv4 tail). */
function ipv6Groups(address: string): number[] {
  let a = address.toLowerCase().replace(/%.*$/, '');
  const v4 = a.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (v4) {
    const [b0, b1, b2, b3] = v4.slice(1).map(Number) as [number, number, number, number];
    a = `${a.slice(0, v4.index)}${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`;
  }
  const [head = '', tail] = a.split('::');
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((h) => Number.parseInt(h, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

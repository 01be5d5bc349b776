import { BlockList, isIP } from 'node:net';

/** Why an address is refused; reported in the job's error message. */
export type BlockedAddressReason =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cloud-metadata'
  | 'cgnat'
  | 'multicast'
  | 'reserved'
  | 'invalid';

interface Range {
  net: string;
  prefix: number;
  reason: BlockedAddressReason;
}

// Most specific first: the first matching range names the reason.
// Sources: RFC 6890 (special-purpose registries), RFC 6598 (CGNAT), cloud providers' metadata endpoints.
const IPV4_RANGES: Range[] = [
  { net: '169.254.169.254', prefix: 32, reason: 'cloud-metadata' },
  { net: '100.100.100.200', prefix: 32, reason: 'cloud-metadata' },
  { net: '0.0.0.0', prefix: 8, reason: 'unspecified' },
  { net: '10.0.0.0', prefix: 8, reason: 'private' },
  { net: '100.64.0.0', prefix: 10, reason: 'cgnat' },
  { net: '127.0.0.0', prefix: 8, reason: 'loopback' },
  { net: '169.254.0.0', prefix: 16, reason: 'link-local' },
  { net: '172.16.0.0', prefix: 12, reason: 'private' },
  { net: '192.0.0.0', prefix: 24, reason: 'reserved' },
  { net: '192.0.2.0', prefix: 24, reason: 'reserved' },
  { net: '192.88.99.0', prefix: 24, reason: 'reserved' },
  { net: '192.168.0.0', prefix: 16, reason: 'private' },
  { net: '198.18.0.0', prefix: 15, reason: 'reserved' },
  { net: '198.51.100.0', prefix: 24, reason: 'reserved' },
  { net: '203.0.113.0', prefix: 24, reason: 'reserved' },
  { net: '224.0.0.0', prefix: 4, reason: 'multicast' },
  { net: '240.0.0.0', prefix: 4, reason: 'reserved' },
];

const IPV6_RANGES: Range[] = [
  { net: 'fd00:ec2::254', prefix: 128, reason: 'cloud-metadata' },
  { net: '::', prefix: 128, reason: 'unspecified' },
  { net: '::1', prefix: 128, reason: 'loopback' },
  { net: '100::', prefix: 64, reason: 'reserved' },
  { net: '2001:db8::', prefix: 32, reason: 'reserved' },
  { net: 'fc00::', prefix: 7, reason: 'private' },
  { net: 'fe80::', prefix: 10, reason: 'link-local' },
  { net: 'fec0::', prefix: 10, reason: 'private' },
  { net: 'ff00::', prefix: 8, reason: 'multicast' },
];

const lists = [...IPV4_RANGES.map((r) => ({ ...r, type: 'ipv4' as const })), ...IPV6_RANGES.map((r) => ({ ...r, type: 'ipv6' as const }))].map(
  (range) => {
    const list = new BlockList();
    list.addSubnet(range.net, range.prefix, range.type);
    return { list, range };
  },
);

/** Expands an IPv6 literal into its eight 16-bit groups, or returns null if it is not one. */
function ipv6Groups(address: string): number[] | null {
  let text = address;
  const lastColon = text.lastIndexOf(':');
  const maybeV4 = text.slice(lastColon + 1);
  if (isIP(maybeV4) === 4) {
    const o = maybeV4.split('.').map(Number);
    const hex = (hi: number, lo: number): string => ((hi << 8) | lo).toString(16);
    text = `${text.slice(0, lastColon + 1)}${hex(o[0]!, o[1]!)}:${hex(o[2]!, o[3]!)}`;
  }
  const [head = '', rest, extra] = text.split('::');
  if (extra !== undefined) return null;
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? Number.parseInt(g, 16) : Number.NaN)));
  const left = parse(head);
  const right = rest === undefined ? [] : parse(rest);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (rest === undefined && missing !== 0)) return null;
  const groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  return groups.every((g) => Number.isInteger(g)) ? groups : null;
}

/**
 * The IPv4 address carried inside an IPv6 one (IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`,
 * NAT64 `64:ff9b::/96`, 6to4 `2002::/16`), so `::ffff:127.0.0.1` cannot slip past the IPv4 rules.
 */
export function embeddedIPv4(address: string): string | null {
  const g = ipv6Groups(address);
  if (!g) return null;
  const v4 = (hi: number, lo: number): string => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zeros = (from: number, to: number): boolean => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return v4(g[6]!, g[7]!);
  if (zeros(0, 6) && (g[6]! !== 0 || g[7]! > 1)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!);
  return null;
}

/**
 * Why a resolved address must not be fetched, or null when it is a public unicast address.
 * Covers loopback, RFC 1918/4193 private, link-local, CGNAT, multicast, unspecified, documentation
 * and cloud-metadata addresses, in IPv4, IPv6 and IPv4-in-IPv6 forms.
 */
export function blockedAddressReason(address: string): BlockedAddressReason | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const withoutZone = bare.split('%')[0] ?? bare;
  const family = isIP(withoutZone);
  if (family === 0) return 'invalid';
  if (family === 6) {
    const inner = embeddedIPv4(withoutZone);
    if (inner !== null) return blockedAddressReason(inner);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const { list, range } of lists) {
    if (list.check(withoutZone, type)) return range.reason;
  }
  return null;
}

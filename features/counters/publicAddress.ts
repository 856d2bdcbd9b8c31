import { BlockList, isIP } from 'node:net'

/**
 * Address ranges a server-side fetch must never reach unless a host is explicitly allowed:
 * loopback, private, link-local, CGNAT, multicast, unspecified, documentation, benchmarking and
 * reserved blocks (IANA special-purpose registries). IPv4-mapped IPv6 addresses match the IPv4 rules.
 */
const NON_PUBLIC: Array<[string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'reserved'],
  ['192.0.2.0', 24, 'ipv4', 'documentation'],
  ['192.88.99.0', 24, 'ipv4', 'reserved'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'documentation'],
  ['203.0.113.0', 24, 'ipv4', 'documentation'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  // IPv4-compatible (deprecated) addresses; IPv4-mapped ones (::ffff:0:0/96) follow the IPv4 rules.
  ['::', 96, 'ipv6', 'reserved'],
  ['64:ff9b:1::', 48, 'ipv6', 'private'],
  ['100::', 64, 'ipv6', 'reserved'],
  ['2001::', 23, 'ipv6', 'reserved'],
  ['2001:db8::', 32, 'ipv6', 'documentation'],
  ['2002::', 16, 'ipv6', 'reserved'],
  ['3fff::', 20, 'ipv6', 'documentation'],
  ['fc00::', 7, 'ipv6', 'private'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'reserved'],
  ['ff00::', 8, 'ipv6', 'multicast'],
]

const lists = new Map<string, BlockList>()
for (const [network, prefix, family, kind] of NON_PUBLIC) {
  let list = lists.get(kind)
  if (!list) lists.set(kind, (list = new BlockList()))
  list.addSubnet(network, prefix, family)
}

/**
 * What kind of non-public address `address` is (`'loopback'`, `'private'`, …), `null` for a public
 * one. Anything that is not an IP address at all counts as `'invalid'`. IPv6 outside global
 * unicast (2000::/3) is `'reserved'`.
 */
export function nonPublicKind(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const version = isIP(bare)
  if (!version) return 'invalid'
  const family = version === 4 ? 'ipv4' : 'ipv6'
  for (const [kind, list] of lists) if (list.check(bare, family)) return kind
  if (family === 'ipv6' && !bare.toLowerCase().startsWith('::ffff:') && !isGlobalUnicast(bare))
    return 'reserved'
  return null
}

/** True for an address a server-side fetch may reach without an explicit allowance. */
export const isPublicAddress = (address: string): boolean => nonPublicKind(address) === null

const GLOBAL_UNICAST = new BlockList()
GLOBAL_UNICAST.addSubnet('2000::', 3, 'ipv6')
const isGlobalUnicast = (address: string) => GLOBAL_UNICAST.check(address, 'ipv6')

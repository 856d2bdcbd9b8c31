import { isIP } from 'node:net'

/** `::ffff:1.2.3.4` and `1.2.3.4` are the same client; anything that is not an IP address is ignored. */
export function normalizeAddress(value: string | undefined | null): string | undefined {
  let address = value?.trim()
  if (!address) return undefined
  if (address.startsWith('[') && address.includes(']'))
    address = address.slice(1, address.indexOf(']'))
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address))
    address = address.slice(0, address.lastIndexOf(':'))
  if (address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4)
    address = address.slice(7)
  return isIP(address) ? address.toLowerCase() : undefined
}

/** The eight 16-bit groups of an IPv6 address (an IPv4 tail such as `64:ff9b::1.2.3.4` included). */
function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0]
  const tail = text.slice(text.lastIndexOf(':') + 1)
  if (tail.includes('.')) {
    const [a, b, c, d] = tail.split('.').map(Number)
    const hex = (high: number, low: number) => ((high << 8) | low).toString(16)
    text = `${text.slice(0, text.length - tail.length)}${hex(a, b)}:${hex(c, d)}`
  }
  const [head, rest] = text.split('::')
  const parse = (part: string | undefined) =>
    part ? part.split(':').map((group) => parseInt(group, 16)) : []
  const left = parse(head)
  const right = parse(rest)
  const zeros = rest === undefined ? [] : Array(8 - left.length - right.length).fill(0)
  return [...left, ...zeros, ...right]
}

/**
 * The rate-limit bucket of a normalised address: an IPv4 address as it is, an IPv6 address by
 * its /64, the block one subscriber or one LAN gets (a client can pick any address inside it).
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address
  const network = ipv6Groups(address)
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')
  return `${network}::/64`
}

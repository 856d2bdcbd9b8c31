import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addressBucket,
  clientAddress,
  SOCKET_ADDRESS_HEADER,
} from '../features/clientAddress/index.js'
import { recordSocketAddresses } from '../features/clientAddress/recordSocketAddresses.js'

const request = (headers: Record<string, string>, ip?: string) =>
  ({ headers: new Headers(headers), ip }) as Parameters<typeof clientAddress>[0]

/** A server that answers with the headers its handler saw. */
function echoServer(): http.Server {
  return http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json')
    res.end(
      JSON.stringify({
        recorded: req.headers[SOCKET_ADDRESS_HEADER] ?? null,
        forwarded: req.headers['x-forwarded-for'] ?? null,
      }),
    )
  })
}

const listen = (server: http.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  )

/** GET / from a socket bound to `localAddress`, with `headers`; the echoed headers. */
function fetchFrom(
  port: number,
  localAddress: string,
  headers: Record<string, string> = {},
): Promise<{ recorded: string | null; forwarded: string | null }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, localAddress, headers }, (res) => {
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve(JSON.parse(body)))
    })
    req.on('error', reject)
    req.end()
  })
}

// Runs first: the hook cannot be removed once installed in this process.
describe('before the hook is installed', () => {
  it('a client-sent socket-address header is ignored: without the hook it is only what the client wrote', () => {
    expect(
      clientAddress(request({ [SOCKET_ADDRESS_HEADER]: '192.0.2.1' }), { trustProxy: false }),
    ).toBeUndefined()
    expect(
      clientAddress(request({ [SOCKET_ADDRESS_HEADER]: '192.0.2.1' }, '198.51.100.7'), {
        trustProxy: false,
      }),
    ).toBe('198.51.100.7')
  })
})

describe('recordSocketAddresses', () => {
  const servers: http.Server[] = []
  let before: number
  let after: number
  beforeAll(async () => {
    // One server created before the hook (as `next start` creates its server before instrumentation runs).
    servers.push(echoServer())
    before = await listen(servers[0])
    recordSocketAddresses()
    recordSocketAddresses()
    servers.push(echoServer())
    after = await listen(servers[1])
  })
  afterAll(() => servers.forEach((server) => server.close()))

  it('every server records the socket address, replacing a forged header; X-Forwarded-For is left alone', async () => {
    for (const port of [before, after]) {
      expect(
        await fetchFrom(port, '127.0.0.2', {
          [SOCKET_ADDRESS_HEADER]: '127.0.0.3',
          'x-forwarded-for': '203.0.113.9',
        }),
      ).toEqual({ recorded: '127.0.0.2', forwarded: '203.0.113.9' })
      expect(await fetchFrom(port, '127.0.0.3')).toEqual({ recorded: '127.0.0.3', forwarded: null })
    }
  })

  it('once installed, clientAddress reads the recorded address; trustProxy still reads the forwarded chain', () => {
    const recorded = request({
      [SOCKET_ADDRESS_HEADER]: '::ffff:127.0.0.2',
      'x-forwarded-for': '1.1.1.1, 203.0.113.7',
    })
    expect(clientAddress(recorded, { trustProxy: false })).toBe('127.0.0.2')
    expect(clientAddress(recorded, { trustProxy: 1 })).toBe('203.0.113.7')
    expect(
      clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }), { trustProxy: false }),
    ).toBe(undefined)
  })
})

describe('addressBucket', () => {
  it('IPv4 is its own bucket; IPv6 is grouped by its /64, whatever way it is written', () => {
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7')
    expect(addressBucket('2001:db8:aa:1::1')).toBe('2001:db8:aa:1::/64')
    expect(addressBucket('2001:db8:aa:1:ffff:ffff:ffff:ffff')).toBe('2001:db8:aa:1::/64')
    expect(addressBucket('2001:db8:0:0:1::')).toBe('2001:db8:0:0::/64')
    expect(addressBucket('::1')).toBe('0:0:0:0::/64')
    expect(addressBucket('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64')
    expect(addressBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
    expect(addressBucket('2001:db8:aa:2::1')).not.toBe(addressBucket('2001:db8:aa:1::1'))
  })
})

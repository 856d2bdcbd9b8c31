import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { nonPublicKind } from '../features/counters/publicAddress.js'
import {
  checkSource,
  fetchSourceJson,
  MAX_SOURCE_BYTES,
  SourceRefusedError,
  SourceTimeoutError,
  SourceUnresolvedError,
  type FetchPolicy,
  type HostLookup,
} from '../features/counters/safeFetch.js'
import { COUNTERS_QUEUE, DOSSIER_SYNC_TASK } from '../features/counters/index.js'
import { startTestApp, type TestApp } from './helpers/app.js'

// Every test stays on 127.0.0.0/8: refusals are decided before any connection, names resolve
// through a stubbed lookup, and the only servers are local ones.
const FIGURES = { received: 10, resolved: 9, onTime: 8, overdue: 1 }
const PUBLIC_ADDRESS = '93.184.216.34'

let server: http.Server
let port: number
let base: string
const requests: Array<{ url: string; host: string | undefined }> = []
let hugeBytesWritten = 0

/** Host names the stubbed DNS knows; a function gives a different answer per call. */
const zone: Record<string, string[] | ((call: number) => string[])> = {}
const lookupCalls: Record<string, number> = {}
const lookup: HostLookup = async (hostname) => {
  lookupCalls[hostname] = (lookupCalls[hostname] ?? 0) + 1
  const entry = zone[hostname]
  const addresses = typeof entry === 'function' ? entry(lookupCalls[hostname]) : entry
  if (!addresses)
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
  return addresses.map((address) => ({ address, family: net.isIP(address) }))
}
const policy = (overrides: Partial<FetchPolicy> = {}): FetchPolicy => ({
  allowedInternalHosts: [],
  lookup,
  timeoutMs: 2_000,
  ...overrides,
})
const allowLocal = policy({ allowedInternalHosts: ['127.0.0.1'] })

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', host: req.headers.host })
    const redirect = (location: string) => {
      res.writeHead(302, { location })
      res.end()
    }
    switch (req.url) {
      case '/good':
        res.writeHead(200, { 'content-type': 'application/json' })
        return res.end(JSON.stringify(FIGURES))
      case '/redirect-self':
        return redirect('/good')
      case '/redirect-private':
        return redirect('http://10.0.0.1/good')
      case '/redirect-metadata':
        return redirect('http://169.254.169.254/latest/meta-data/')
      case '/redirect-name':
        return redirect(`http://internal.example.vn:${port}/good`)
      case '/redirect-file':
        return redirect('file:///etc/passwd')
      case '/redirect-loop':
        return redirect('/redirect-loop')
      case '/huge-declared':
        res.writeHead(200, { 'content-length': String(5 * MAX_SOURCE_BYTES) })
        return res.end()
      case '/huge': {
        // 8 MB of JSON whitespace, written as fast as the client reads.
        res.writeHead(200, { 'content-type': 'application/json' })
        const chunk = Buffer.alloc(64 * 1024, ' ')
        const write = () => {
          while (hugeBytesWritten < 8 * MAX_SOURCE_BYTES) {
            hugeBytesWritten += chunk.length
            if (!res.write(chunk)) return void res.once('drain', write)
          }
          res.end('{}')
        }
        res.on('close', () => res.removeAllListeners('drain'))
        return write()
      }
      case '/drip': {
        res.writeHead(200, { 'content-type': 'application/json' })
        const timer = setInterval(() => res.write(' '), 50)
        res.on('close', () => clearInterval(timer))
        return
      }
      default:
        res.writeHead(404)
        return res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  base = `http://127.0.0.1:${port}`
  zone['motcua.tinh.gov.vn'] = ['127.0.0.1']
  zone['internal.example.vn'] = ['127.0.0.1']
  zone['localhost'] = ['127.0.0.1', '::1']
  zone['public.example.vn'] = [PUBLIC_ADDRESS]
  zone['mixed.example.vn'] = [PUBLIC_ADDRESS, '10.20.30.40']
})
afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
})

describe('address classification (no traffic)', () => {
  const table: Array<[string, string | null]> = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', null],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['100.128.0.1', null],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['8.8.8.8', null],
    ['1.1.1.1', null],
    [PUBLIC_ADDRESS, null],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:8.8.8.8', null],
    ['64:ff9b::7f00:1', 'reserved'],
    ['2001:db8::1', 'documentation'],
    ['2001:4860:4860::8888', null],
    ['not-an-address', 'invalid'],
  ]
  for (const [address, kind] of table) {
    it(`${address} → ${kind ?? 'public'}`, () => expect(nonPublicKind(address)).toBe(kind))
  }
})

describe('checkSource: decided before anything is sent', () => {
  for (const url of [
    'http://127.0.0.1/',
    'http://127.1/',
    'http://0x7f.0.0.1/',
    'http://2130706433/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://10.0.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://[fe80::1]/',
  ]) {
    it(`refuses the literal ${url}`, async () => {
      await expect(checkSource(url, policy())).rejects.toThrow(
        /is not a public address \([\w ()-]+\); only public addresses may be fetched \(counters\.allowedInternalHosts lists the exceptions\)\./,
      )
    })
  }

  it('refuses schemes other than http(s)', async () => {
    for (const url of ['ftp://public.example.vn/', 'file:///etc/passwd', 'gopher://x/'])
      await expect(checkSource(url, policy())).rejects.toThrow(
        new SourceRefusedError('the URL must start with http:// or https://.'),
      )
  })

  it('refuses a name when any of its addresses is not public (localhost, a mixed answer)', async () => {
    for (const host of ['localhost', 'mixed.example.vn'])
      await expect(checkSource(`http://${host}/`, policy())).rejects.toThrow(
        `the host ${host} resolves to a non-public address; only public addresses may be fetched (counters.allowedInternalHosts lists the exceptions).`,
      )
  })

  it('accepts a public name and gives the address to connect to', async () => {
    const checked = await checkSource('https://public.example.vn/so-lieu', policy())
    expect([checked.address, checked.family, checked.url.hostname]).toEqual([
      PUBLIC_ADDRESS,
      4,
      'public.example.vn',
    ])
  })

  it('an unresolvable name is its own error', async () => {
    await expect(checkSource('http://nowhere.example.vn/', policy())).rejects.toThrow(
      new SourceUnresolvedError('the host nowhere.example.vn could not be resolved.'),
    )
  })

  it('allowedInternalHosts lets a named internal host (or literal) through, and only it', async () => {
    const allowed = policy({ allowedInternalHosts: ['motcua.tinh.gov.vn', '10.0.0.7'] })
    expect((await checkSource('http://MOTCUA.tinh.gov.vn./api', allowed)).address).toBe('127.0.0.1')
    expect((await checkSource('http://10.0.0.7/api', allowed)).address).toBe('10.0.0.7')
    await expect(checkSource('http://10.0.0.8/api', allowed)).rejects.toThrow(SourceRefusedError)
    await expect(checkSource('http://internal.example.vn/', allowed)).rejects.toThrow(
      SourceRefusedError,
    )
  })
})

describe('fetchSourceJson against a local server', () => {
  const served = () => requests.length

  it('refuses the local server by default, before connecting', async () => {
    const before = served()
    await expect(fetchSourceJson(`${base}/good`, policy())).rejects.toThrow(
      `127.0.0.1 is not a public address (loopback); only public addresses may be fetched (counters.allowedInternalHosts lists the exceptions).`,
    )
    expect(served()).toBe(before)
  })

  it('fetches it when allowed', async () => {
    expect(await fetchSourceJson(`${base}/good`, allowLocal)).toEqual(FIGURES)
  })

  it('connects to the address it checked: the name resolves once, a second answer is never used', async () => {
    zone['pinned.tinh.gov.vn'] = (call) => (call === 1 ? ['127.0.0.1'] : ['127.0.0.2'])
    const pinned = policy({ allowedInternalHosts: ['pinned.tinh.gov.vn'] })
    const before = served()
    expect(await fetchSourceJson(`http://pinned.tinh.gov.vn:${port}/good`, pinned)).toEqual(FIGURES)
    expect(lookupCalls['pinned.tinh.gov.vn']).toBe(1)
    expect(requests.slice(before)).toEqual([{ url: '/good', host: `pinned.tinh.gov.vn:${port}` }])
  })

  it('follows a redirect to an allowed place, checking it again', async () => {
    expect(await fetchSourceJson(`${base}/redirect-self`, allowLocal)).toEqual(FIGURES)
  })

  for (const [path, message] of [
    [
      '/redirect-private',
      '10.0.0.1 is not a public address (private); only public addresses may be fetched (counters.allowedInternalHosts lists the exceptions).',
    ],
    [
      '/redirect-metadata',
      '169.254.169.254 is not a public address (link-local); only public addresses may be fetched (counters.allowedInternalHosts lists the exceptions).',
    ],
    [
      '/redirect-name',
      'the host internal.example.vn resolves to a non-public address; only public addresses may be fetched (counters.allowedInternalHosts lists the exceptions).',
    ],
    ['/redirect-file', 'the URL must start with http:// or https://.'],
  ] as const) {
    it(`a redirect (${path}) is checked like the first URL and refused`, async () => {
      await expect(fetchSourceJson(`${base}${path}`, allowLocal)).rejects.toThrow(
        new SourceRefusedError(message),
      )
    })
  }

  it('follows at most 3 redirects', async () => {
    const before = served()
    await expect(fetchSourceJson(`${base}/redirect-loop`, allowLocal)).rejects.toThrow(
      new SourceRefusedError('the source redirected more than 3 times.'),
    )
    expect(served() - before).toBe(4)
  })

  it('stops reading past 1 MB and closes the connection', async () => {
    hugeBytesWritten = 0
    await expect(fetchSourceJson(`${base}/huge`, allowLocal)).rejects.toThrow(
      new SourceRefusedError('the source answered more than 1 MB.'),
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(hugeBytesWritten).toBeLessThan(4 * MAX_SOURCE_BYTES)
    await expect(fetchSourceJson(`${base}/huge-declared`, allowLocal)).rejects.toThrow(
      new SourceRefusedError('the source answered more than 1 MB.'),
    )
  })

  it('bounds the total time, body included', async () => {
    const started = Date.now()
    await expect(
      fetchSourceJson(`${base}/drip`, { ...allowLocal, timeoutMs: 300 }),
    ).rejects.toThrow(SourceTimeoutError)
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})

describe('the sync job and the sourceUrl field', () => {
  let app: TestApp
  let editorToken: string
  let closedPort: number
  let garbage: net.Server
  let garbagePort: number
  const garbageSockets = new Set<net.Socket>()

  const createPanel = async (sourceUrl: string) => {
    const response = await app.rest('POST', '/counter-widgets', {
      token: editorToken,
      body: { kind: 'dossier-stats', title: `Hồ sơ ${sourceUrl}`, source: 'url', sourceUrl },
    })
    return {
      status: response.status,
      body: (await response.json()) as {
        doc?: { id: string | number }
        errors?: Array<{ data?: { errors?: Array<{ path: string; message: string }> } }>
      },
    }
  }
  const fieldErrors = (body: Awaited<ReturnType<typeof createPanel>>['body']) =>
    (body.errors ?? []).flatMap((error) => error.data?.errors ?? [])
  const sync = async (id: string | number) => {
    await app.payload.jobs.queue({
      task: DOSSIER_SYNC_TASK as never,
      input: {} as never,
      queue: COUNTERS_QUEUE,
    })
    await app.payload.jobs.run({ queue: COUNTERS_QUEUE })
    return (await app.payload.findByID({
      collection: 'counter-widgets' as never,
      id,
      depth: 0,
    })) as unknown as { received: number; lastError: string | null }
  }

  beforeAll(async () => {
    // A closed port and a port that answers something other than HTTP.
    const probe = net.createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    closedPort = (probe.address() as AddressInfo).port
    await new Promise((resolve) => probe.close(resolve))
    garbage = net.createServer((socket) => {
      garbageSockets.add(socket)
      socket.on('close', () => garbageSockets.delete(socket))
      socket.end('SSH-2.0-OpenSSH_9.6\r\n')
    })
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve))
    garbagePort = (garbage.address() as AddressInfo).port
    zone['rebind.example.vn'] = (call) => (call === 1 ? [PUBLIC_ADDRESS] : ['127.0.0.1'])

    app = await startTestApp({
      counters: {
        allowedInternalHosts: ['motcua.tinh.gov.vn'],
        lookup,
        dossierFetchTimeoutMs: 1_000,
      },
    })
    await app.payload.create({
      collection: 'users',
      data: { email: 'editor@fetch.test', password: 'editor-pass-123', roles: ['editor'] } as never,
    })
    editorToken = await app.login('editor@fetch.test', 'editor-pass-123')
  })
  afterAll(async () => {
    for (const socket of garbageSockets) socket.destroy()
    await new Promise((resolve) => garbage?.close(resolve))
    await app?.close()
  })

  it('refuses a non-public sourceUrl at save with an error naming sourceUrl, and writes nothing', async () => {
    const before = (await app.payload.count({ collection: 'counter-widgets' as never })).totalDocs
    for (const [url, message] of [
      [`${base}/good`, '127.0.0.1 is not a public address (loopback)'],
      ['http://10.0.0.1/api', '10.0.0.1 is not a public address (private)'],
      ['http://[::1]/api', '::1 is not a public address (loopback)'],
      [
        'http://169.254.169.254/latest/meta-data/',
        '169.254.169.254 is not a public address (link-local)',
      ],
      ['http://100.100.100.100/', '100.100.100.100 is not a public address (carrier-grade NAT)'],
      [`http://localhost:${port}/good`, 'the host localhost resolves to a non-public address'],
      ['http://mixed.example.vn/', 'the host mixed.example.vn resolves to a non-public address'],
      ['http://nowhere.example.vn/', 'the host nowhere.example.vn could not be resolved.'],
      ['ftp://public.example.vn/', 'Must be a URL starting with http:// or https://.'],
    ]) {
      const { status, body } = await createPanel(url)
      expect(status, url).toBe(400)
      const errors = fieldErrors(body)
      expect(errors.map((error) => error.path)).toEqual(['sourceUrl'])
      expect(errors[0].message.startsWith(`sourceUrl: ${message}`), errors[0].message).toBe(true)
    }
    expect((await app.payload.count({ collection: 'counter-widgets' as never })).totalDocs).toBe(
      before,
    )
  })

  it('an allowed internal host is saved and synced', async () => {
    const { status, body } = await createPanel(`http://motcua.tinh.gov.vn:${port}/good`)
    expect(status).toBe(201)
    const synced = await sync(body.doc!.id)
    expect([synced.received, synced.lastError ?? null]).toEqual([10, null])
  })

  it('DNS rebinding: a name that was public at save and is private at fetch time is refused, nothing sent', async () => {
    const { status, body } = await createPanel(`http://rebind.example.vn:${port}/good`)
    expect(status).toBe(201)
    const before = requests.length
    const synced = await sync(body.doc!.id)
    expect(synced.lastError).toBe(
      'the host rebind.example.vn resolves to a non-public address; only public addresses may be fetched (counters.allowedInternalHosts lists the exceptions).',
    )
    expect(requests.length).toBe(before)
  })

  it('a URL stored past the save check (an older panel) is refused at fetch time, nothing sent', async () => {
    const panel = (await app.payload.db.create({
      collection: 'counter-widgets' as never,
      data: {
        kind: 'dossier-stats',
        title: 'Bảng cũ',
        slug: 'bang-cu',
        enabled: true,
        source: 'url',
        sourceUrl: `${base}/good`,
        refreshMinutes: 60,
      },
    })) as { id: string | number }
    const before = requests.length
    expect((await sync(panel.id)).lastError).toBe(
      '127.0.0.1 is not a public address (loopback); only public addresses may be fetched (counters.allowedInternalHosts lists the exceptions).',
    )
    expect(requests.length).toBe(before)
  })

  it('lastError does not tell a closed port from a non-HTTP one; the cause is logged', async () => {
    const error = vi.spyOn(app.payload.logger, 'error')
    const errors: Array<string | null> = []
    for (const target of [closedPort, garbagePort]) {
      const { status, body } = await createPanel(`http://motcua.tinh.gov.vn:${target}/good`)
      expect(status).toBe(201)
      errors.push((await sync(body.doc!.id)).lastError)
    }
    expect(errors).toEqual(['the source could not be reached.', 'the source could not be reached.'])
    const logged = error.mock.calls.map(
      (call) => call[0] as { err?: { code?: string }; msg?: string },
    )
    expect(logged.map((entry) => entry.err?.code)).toEqual(
      expect.arrayContaining(['ECONNREFUSED', 'HPE_INVALID_CONSTANT']),
    )
    expect(
      logged.every((entry) =>
        entry.msg?.endsWith('dossier sync failed: the source could not be reached.'),
      ),
    ).toBe(true)
    error.mockRestore()
  })
})

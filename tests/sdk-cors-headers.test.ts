import { describe, expect, it } from 'vitest'
import { createPortalClient, type PortalClient } from '../sdk/src/index.js'

/** What one call hands to fetch: what a browser's CORS check sees as the page's own request. */
interface Sent {
  call: string
  method: string | undefined
  headers: Record<string, string>
  credentials: RequestCredentials | undefined
  mode: RequestMode | undefined
}

async function sentBy(call: string, run: (portal: PortalClient) => Promise<unknown>) {
  const sent: Sent[] = []
  const portal = createPortalClient({
    endpoint: 'https://thanuyen.example.vn/api/graphql',
    retries: 0,
    fetch: async (_input, init) => {
      sent.push({
        call,
        method: init?.method,
        headers: Object.fromEntries(new Headers(init?.headers)),
        credentials: init?.credentials,
        mode: init?.mode,
      })
      return Response.json({ data: {} })
    },
  })
  // The empty answer makes most calls fail: only the request matters here.
  await run(portal).catch(() => {})
  return sent
}

const json = {
  accept: 'application/graphql-response+json, application/json',
  'content-type': 'application/json',
}

describe('what the SDK sends: the methods and headers the portal must allow cross-origin', () => {
  it('every call is one POST with accept and content-type only; a vote adds x-voter-token', async () => {
    const calls: Array<[string, (portal: PortalClient) => Promise<unknown>]> = [
      ['articles.list', (p) => p.articles.list({ category: 1, search: 'hội thảo' })],
      ['articles.all', (p) => p.articles.all().next()],
      ['articles.bySlug', (p) => p.articles.bySlug('hoi-thao')],
      ['articles.page', (p) => p.articles.page('hoi-thao')],
      ['authors.list', (p) => p.authors.list()],
      ['authors.bySlug', (p) => p.authors.bySlug('manh-cuong')],
      ['sources.list', (p) => p.sources.list()],
      ['sources.bySlug', (p) => p.sources.bySlug('trung-tam')],
      ['categories.list', (p) => p.categories.list()],
      ['categories.bySlug', (p) => p.categories.bySlug('tin-tuc-su-kien')],
      ['ratings.rate', (p) => p.ratings.rate(1, 5, { voterToken: 'voter-1' })],
      ['ratings.rate without token', (p) => p.ratings.rate(1, 5)],
      ['visits.record', (p) => p.visits.record({ session: 's', path: '/', article: 1 })],
      ['widgets.visitors', (p) => p.widgets.visitors()],
      ['widgets.dossierStats', (p) => p.widgets.dossierStats()],
      ['site', (p) => p.site()],
    ]
    const sent = (await Promise.all(calls.map(([name, run]) => sentBy(name, run)))).flat()
    const plain = { method: 'POST', headers: json, credentials: undefined, mode: undefined }
    expect(sent).toEqual(
      calls.map(([call]) =>
        call === 'ratings.rate'
          ? { call, ...plain, headers: { ...json, 'x-voter-token': 'voter-1' } }
          : { call, ...plain },
      ),
    )
  })

  it("adds exactly the site's own headers option, nothing else", async () => {
    const sent: Array<Record<string, string>> = []
    await createPortalClient({
      endpoint: 'https://thanuyen.example.vn/api/graphql',
      headers: { 'x-site': 'than-uyen' },
      fetch: async (_input, init) => {
        sent.push(Object.fromEntries(new Headers(init?.headers)))
        return Response.json({ data: { VisitorStats: null } })
      },
    })
      .widgets.visitors()
      .catch(() => {})
    expect(sent).toEqual([{ ...json, 'x-site': 'than-uyen' }])
  })

  it('a client for one site adds x-portal-site to every call, a vote keeping its token', async () => {
    const sent: Array<Record<string, string>> = []
    const portal = createPortalClient({
      endpoint: 'https://laichau.example.vn/api/graphql',
      site: ' xa-muong-kim ',
      headers: { 'x-site': 'demo' },
      retries: 0,
      fetch: async (_input, init) => {
        sent.push(Object.fromEntries(new Headers(init?.headers)))
        return Response.json({ data: {} })
      },
    })
    await portal.site().catch(() => {})
    await portal.articles.list().catch(() => {})
    await portal.ratings.rate(1, 5, { voterToken: 'voter-1' }).catch(() => {})
    const site = { ...json, 'x-site': 'demo', 'x-portal-site': 'xa-muong-kim' }
    expect(sent).toEqual([site, site, { ...site, 'x-voter-token': 'voter-1' }])
  })

  it('refuses a blank site at once, naming the option', () => {
    expect(() =>
      createPortalClient({ endpoint: 'https://laichau.example.vn/api/graphql', site: '  ' }),
    ).toThrow(
      new TypeError(
        'createPortalClient: site must be a site\'s slug such as "xa-muong-kim", not "  ".',
      ),
    )
  })
})

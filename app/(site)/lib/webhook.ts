import { createHmac, timingSafeEqual } from 'node:crypto'

/** The header the plugin's webhooks sign with: `sha256=<hex HMAC of the raw body>`. */
export const SIGNATURE_HEADER = 'x-news-portal-signature'

/**
 * Whether `header` is the HMAC-SHA256 of `body` under `secret`, compared in constant time: the
 * plugin's `signWebhookBody` (tests/site-webhook.test.ts), kept local because the site never imports the plugin.
 */
export function verifySignature(body: string, header: string | null, secret: string): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '')
  if (!match) return false
  const expected = createHmac('sha256', secret).update(body).digest()
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'))
}

/** What a webhook tells the site: which site changed (its slug) and the public paths before and after. */
export interface ContentChange {
  event: string
  collection: string
  site: string | null
  paths: string[]
}

const isPath = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith('/') && value.length <= 500 && !value.includes('..')

/** The change a webhook body describes, or the one sentence saying what is wrong with it. */
export function readContentChange(body: string): ContentChange | string {
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch {
    return 'The body is not JSON.'
  }
  if (!data || typeof data !== 'object') return 'The body must be a JSON object.'
  const { event, collection, site, oldPaths = [], newPaths = [] } = data as Record<string, unknown>
  if (typeof event !== 'string' || !event) return 'event must be a non-empty string.'
  if (typeof collection !== 'string' || !collection) return 'collection must be a non-empty string.'
  // The plugin sends `site: { id, slug }`, or null for a change that belongs to no site.
  const slug = site === null || site === undefined ? null : (site as { slug?: unknown }).slug
  if (
    site !== undefined &&
    site !== null &&
    (typeof site !== 'object' || (slug !== null && (typeof slug !== 'string' || !slug)))
  )
    return 'site must be null or { id, slug } with slug a site slug or null.'
  for (const [name, paths] of [
    ['oldPaths', oldPaths],
    ['newPaths', newPaths],
  ] as const) {
    if (!Array.isArray(paths) || paths.length > 200 || !paths.every(isPath))
      return `${name} must be a list of at most 200 paths starting with "/".`
  }
  return {
    event,
    collection,
    site: (slug as string | null | undefined) ?? null,
    paths: [...new Set([...(oldPaths as string[]), ...(newPaths as string[])])],
  }
}

/**
 * The pages a change re-renders: its paths, the section list of each article path (`/{category}`
 * of `/{category}/{slug}`: the plugin sends only the article's own address) and the home page.
 */
export function pagesToRevalidate(paths: string[]): string[] {
  const sections = paths.flatMap((path) => {
    const segments = path.split('/').filter(Boolean)
    return segments.length === 2 && segments[0] !== 'trang' ? [`/${segments[0]}`] : []
  })
  return [...new Set(['/', ...paths, ...sections])]
}

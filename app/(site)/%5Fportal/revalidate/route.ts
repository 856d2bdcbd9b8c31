import { revalidatePath } from 'next/cache'
import { LOCALES } from '../../lib/locales.js'
import { knownHostsOf } from '../../lib/portal.js'
import { internalPath } from '../../lib/rewrite.js'
import { siteKeyOfHost, siteKeyOfSlug } from '../../lib/sites.js'
import {
  pagesToRevalidate,
  readContentChange,
  SIGNATURE_HEADER,
  verifySignature,
} from '../../lib/webhook.js'

/** The app route of a section's page 2, 3…, as Next tags it (route groups included). */
const LIST_PAGES_ROUTE = '/(site)/[site]/[lang]/(portal)/[category]/_p/[page]'

const json = (status: number, body: object) => Response.json(body, { status })

/**
 * `POST /_portal/revalidate`: the plugin's content webhook. A signed change re-renders the pages
 * at its old and new paths (and the home page, which lists the latest), in every locale, for
 * every key this process serves the site under. Outside /api, which is Payload's.
 */
export async function POST(request: Request) {
  const secret = process.env.PORTAL_WEBHOOK_SECRET
  if (!secret) return json(404, { error: 'Webhooks are off: PORTAL_WEBHOOK_SECRET is not set.' })
  const body = await request.text()
  if (!verifySignature(body, request.headers.get(SIGNATURE_HEADER), secret))
    return json(401, {
      error: `The ${SIGNATURE_HEADER} header is missing or does not match the body.`,
    })
  const change = readContentChange(body)
  if (typeof change === 'string') return json(400, { error: change })
  const hosts = change.site ? knownHostsOf(change.site) : []
  // Later pages of a section shift on every publish: all are re-rendered on their next request (the route's own tag).
  revalidatePath(LIST_PAGES_ROUTE, 'page')
  if (!change.site || hosts.length === 0) {
    // No site, or hosts this process has not resolved yet (a restart): every page, rebuilt on its next request.
    revalidatePath('/', 'layout')
    return json(200, { revalidated: 'all' })
  }
  const keys = [siteKeyOfSlug(change.site), ...hosts.map(siteKeyOfHost)]
  const revalidated: string[] = []
  for (const key of keys)
    for (const locale of LOCALES)
      for (const path of pagesToRevalidate(change.paths)) {
        const internal = internalPath(
          locale === 'vi' ? path : `/${locale}${path}`,
          new URLSearchParams(),
          key,
        )
        if (internal) {
          revalidatePath(internal)
          revalidated.push(internal)
        }
      }
  return json(200, { revalidated })
}

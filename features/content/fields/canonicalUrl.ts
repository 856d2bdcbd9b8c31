import type { Field, PayloadRequest } from 'payload'
import { label } from '../../../core/labels.js'
import { SITE_FIELD } from '../../../core/constants.js'
import { siteIdOf } from '../../sites/access.js'
import { loadSites } from '../../sites/registry.js'
import { siteBaseUrl } from '../../sites/url.js'

/** The public path of a document from its stored fields; `null` when it has none yet. */
export type PathOf = (
  doc: Record<string, unknown>,
  req: PayloadRequest,
) => Promise<string | null> | string | null

/**
 * `canonicalUrl`: the document's site's `siteUrl` plus its public path, computed on read (never
 * stored, so a new slug or site address shows at once); `null` while the site has no address.
 * `computedFrom` names the fields `pathOf` reads, so a narrow `select` still gets them.
 */
export const canonicalUrlField = (pathOf: PathOf, computedFrom: string[]): Field => ({
  name: 'canonicalUrl',
  type: 'text',
  virtual: true,
  label: label('Địa chỉ chính thức', 'Canonical URL'),
  admin: {
    readOnly: true,
    position: 'sidebar',
    description: label(
      'Tự động: địa chỉ của trang cộng đường dẫn.',
      "Set automatically: the site's address plus the path.",
    ),
  },
  access: { create: () => false, update: () => false },
  custom: { computedFrom: [SITE_FIELD, ...computedFrom] },
  hooks: {
    afterRead: [
      async ({ siblingData, req }) => {
        const doc = siblingData as Record<string, unknown> | undefined
        const site = siteIdOf(doc?.[SITE_FIELD])
        if (!doc || site === undefined || typeof doc.slug !== 'string') return null
        const { sites } = await loadSites(req.payload)
        const base = siteBaseUrl(sites.find((candidate) => String(candidate.id) === site))
        if (!base) return null
        const path = await pathOf(doc, req)
        return path === null ? null : `${base}${path}`
      },
    ],
  },
})

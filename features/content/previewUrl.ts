import type { GeneratePreviewURL } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { CATEGORIES_SLUG, SITE_FIELD } from '../../core/constants.js'
import { siteIdOf } from '../sites/access.js'
import { loadSites } from '../sites/registry.js'
import { siteBaseUrl } from '../sites/url.js'

/**
 * The "view on site" link of an article: the plugin's `articlePath` on its site's `siteUrl`, else
 * the plugin's `siteUrl` (else the admin's own origin). `null` (no link) until it has a slug.
 */
export const articlePreviewUrl =
  (options: ResolvedNewsPortalOptions): GeneratePreviewURL =>
  async (doc, { req }) => {
    const slug = typeof doc.slug === 'string' ? doc.slug : undefined
    if (!slug) return null
    const primary = doc.primaryCategory as unknown
    let primaryCategorySlug: string | null = null
    if (primary && typeof primary === 'object' && 'slug' in primary) {
      primaryCategorySlug = (primary as { slug?: string | null }).slug ?? null
    } else if (typeof primary === 'string' || typeof primary === 'number') {
      const category = await req.payload
        .findByID({
          collection: CATEGORIES_SLUG,
          id: primary,
          depth: 0,
          select: { slug: true },
          // site-scope: the article's own primary category, on its site (validateRelationExists).
          req,
          disableErrors: true,
        })
        .catch((err) => {
          // The link still works without the category part; the failure is reported.
          req.payload.logger.error({
            err,
            msg: `${CATEGORIES_SLUG} ${primary}: reading the primary category for the preview link failed.`,
          })
          return null
        })
      primaryCategorySlug = (category as { slug?: string | null } | null)?.slug ?? null
    }
    const path = options.articlePath({ slug, primaryCategorySlug })
    const siteId = siteIdOf(doc[SITE_FIELD])
    const site =
      siteId === undefined
        ? undefined
        : (await loadSites(req.payload)).sites.find((entry) => String(entry.id) === siteId)
    return `${siteBaseUrl(site) ?? options.siteUrl ?? ''}${path}`
  }

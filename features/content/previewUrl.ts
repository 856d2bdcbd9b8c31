import type { GeneratePreviewURL } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { CATEGORIES_SLUG } from '../../core/constants.js'

/**
 * The "view on site" link of an article: the plugin's `articlePath` on `siteUrl` (or the admin's
 * own origin when no site URL is configured). `null` (no link) until the article has a slug.
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
    return `${options.siteUrl ?? ''}${path}`
  }

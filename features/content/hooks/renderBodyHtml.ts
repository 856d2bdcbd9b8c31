import type { CollectionBeforeChangeHook } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../../core/types.js'
import { collectBodyReferences, renderBodyHtml, type MediaForHtml } from '../bodyHtml.js'
import { ARTICLES_SLUG, MEDIA_SLUG } from '../../../core/constants.js'

/**
 * Renders `body` to `bodyHtml` on every save that carries a body, fetching the images and
 * linked articles it refers to in one query each. A `bodyHtml` sent by a client is never kept.
 */
export const renderBodyHtmlOnSave =
  (options: ResolvedNewsPortalOptions): CollectionBeforeChangeHook =>
  async ({ data, req }) => {
    if (!('body' in data)) {
      delete data.bodyHtml
      return data
    }
    const { mediaIds, articleIds } = collectBodyReferences(data.body)
    const [media, articles] = await Promise.all([
      mediaIds.length
        ? req.payload.find({
            collection: MEDIA_SLUG,
            where: { id: { in: mediaIds } },
            depth: 0,
            limit: 0,
            pagination: false,
            overrideAccess: true,
            req,
          })
        : null,
      articleIds.length
        ? req.payload.find({
            collection: ARTICLES_SLUG,
            where: { id: { in: articleIds } },
            select: { slug: true, categories: true },
            populate: { categories: { slug: true } },
            depth: 1,
            limit: 0,
            pagination: false,
            overrideAccess: true,
            req,
          })
        : null,
    ])
    const mediaById = new Map<string, MediaForHtml>(
      (media?.docs ?? []).map((doc) => [String(doc.id), doc as unknown as MediaForHtml]),
    )
    const articlePaths = new Map<string, string>(
      (articles?.docs ?? []).map((doc) => {
        const primary = (doc as { categories?: unknown[] }).categories?.[0]
        const primaryCategorySlug =
          primary && typeof primary === 'object'
            ? ((primary as { slug?: string }).slug ?? null)
            : null
        return [
          String(doc.id),
          options.articlePath({ slug: (doc as { slug?: string }).slug, primaryCategorySlug }),
        ]
      }),
    )
    data.bodyHtml = renderBodyHtml(data.body, { media: mediaById, articlePaths })
    return data
  }

import type { CollectionBeforeChangeHook } from 'payload'
import { collectBodyReferences, renderBodyHtml, type MediaForHtml } from '../bodyHtml.js'
import { MEDIA_SLUG } from '../../../core/constants.js'

/**
 * Renders `body` to `bodyHtml` on every save that carries a body, fetching the images it refers
 * to in one query. A `bodyHtml` sent by a client is never kept. Internal article links are stored
 * as markers and completed when read (`resolveArticleLinksOnRead`).
 */
export const renderBodyHtmlOnSave: CollectionBeforeChangeHook = async ({ data, req }) => {
  if (!('body' in data)) {
    delete data.bodyHtml
    return data
  }
  const { mediaIds } = collectBodyReferences(data.body)
  const media = mediaIds.length
    ? await req.payload.find({
        collection: MEDIA_SLUG,
        where: { id: { in: mediaIds } },
        depth: 0,
        limit: 0,
        pagination: false,
        // site-scope: media are global, shared by every site (see collections/Media.ts).
        overrideAccess: true,
        req,
      })
    : null
  const mediaById = new Map<string, MediaForHtml>(
    (media?.docs ?? []).map((doc) => [String(doc.id), doc as unknown as MediaForHtml]),
  )
  data.bodyHtml = renderBodyHtml(data.body, { media: mediaById })
  return data
}

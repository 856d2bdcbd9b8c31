import type { Payload, PayloadRequest, Where } from 'payload'
import { ARTICLES_SLUG, SITE_FIELD, SITES_SLUG } from '../../core/constants.js'
import { idOf, type Id } from '../../core/ids.js'
import { searchDocument, type IndexedArticle } from './document.js'
import { searchIndexOf } from './searchIndex.js'

/** How many articles one read of the indexer brings (a backfill reads them all, batch by batch). */
const BATCH = 200

/**
 * (Re)writes the index rows of the articles `where` selects, from their stored (published or
 * never-published) version in every locale; the public rule is applied at query time, not here.
 * Returns how many were indexed.
 */
export async function indexArticles(
  payload: Payload,
  where: Where,
  req?: Partial<PayloadRequest>,
): Promise<number> {
  const index = searchIndexOf(payload)
  let indexed = 0
  for (let page = 1; ; page++) {
    const { docs, hasNextPage } = await payload.find({
      collection: ARTICLES_SLUG,
      where,
      sort: 'id',
      page,
      limit: BATCH,
      depth: 1,
      draft: false,
      locale: payload.config.localization ? 'all' : undefined,
      select: {
        title: true,
        lead: true,
        body: true,
        byline: true,
        authors: true,
        source: true,
        [SITE_FIELD]: true,
      },
      populate: {
        authors: { name: true, pseudonym: true },
        sources: { title: true },
        [SITES_SLUG]: {},
      },
      // site-scope: the index holds every site's articles; searches apply the request's site.
      overrideAccess: true,
      req,
    })
    for (const article of docs as unknown as Array<IndexedArticle & { site?: unknown }>) {
      const { title, body } = searchDocument(article)
      const siteId = idOf(article[SITE_FIELD]) ?? null
      await index.write(req, { id: article.id as Id, siteId, title, body })
      indexed++
    }
    if (!hasNextPage) return indexed
  }
}

/** (Re)writes one article's row, or removes it when the article is gone. */
export async function indexArticle(
  payload: Payload,
  id: Id,
  req?: Partial<PayloadRequest>,
): Promise<void> {
  const found = await indexArticles(payload, { id: { equals: id } }, req)
  if (found === 0) await searchIndexOf(payload).remove(req, id)
}

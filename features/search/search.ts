import type { PayloadRequest, SelectType } from 'payload'
import { ARTICLES_SLUG, CATEGORIES_SLUG, SITE_FIELD } from '../../core/constants.js'
import { PortalError } from '../../core/errors.js'
import type { Id } from '../../core/ids.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { resolveSite } from '../sites/resolve.js'
import { checkSearchArgs, type SearchArgs } from './params.js'
import { searchIndexOf } from './searchIndex.js'

export interface SearchArticlesResult {
  docs: Array<Record<string, unknown>>
  totalDocs: number
  page: number
  totalPages: number
}

/**
 * One page of the request's site's public articles matching `q` (whoever asks: an editor's search
 * shows what readers find), title matches first, then newest first. Two indexed queries find the
 * page's ids and the total (one aggregation on MongoDB); one Local API read with the reader's access brings the articles.
 */
export async function searchArticles(
  req: PayloadRequest,
  args: SearchArgs,
  options: Pick<ResolvedNewsPortalOptions, 'trustProxy' | 'maxPublicPageSize'>,
  select?: SelectType,
): Promise<SearchArticlesResult> {
  const { terms, category, page, limit } = checkSearchArgs(args, options.maxPublicPageSize)
  // An unknown x-portal-site is UNKNOWN_SITE before anything is read.
  const site = await resolveSite(req, options)
  const categoryId = category ? await findCategoryId(req, category, site?.id ?? null) : null
  if (!terms.length) return { docs: [], totalDocs: 0, page, totalPages: 0 }
  const { ids, total } = await searchIndexOf(req.payload).findIds(req, {
    terms,
    siteId: site?.id ?? null,
    categoryId,
    now: new Date(),
    limit,
    offset: (page - 1) * limit,
  })
  const totalPages = Math.ceil(total / limit)
  if (!ids.length) return { docs: [], totalDocs: total, page, totalPages }
  const { docs } = await req.payload.find({
    collection: ARTICLES_SLUG,
    where: { id: { in: ids } },
    // The total is the index's: no count query.
    limit: ids.length,
    pagination: false,
    depth: 0,
    select,
    overrideAccess: false,
    req,
  })
  const byId = new Map(docs.map((doc) => [String(doc.id), doc as Record<string, unknown>]))
  return {
    docs: ids.flatMap((id) => {
      const doc = byId.get(String(id))
      return doc ? [doc] : []
    }),
    totalDocs: total,
    page,
    totalPages,
  }
}

async function findCategoryId(req: PayloadRequest, slug: string, siteId: Id | null): Promise<Id> {
  const { docs } = await req.payload.find({
    collection: CATEGORIES_SLUG,
    where: {
      and: [
        { slug: { equals: slug } },
        ...(siteId !== null ? [{ [SITE_FIELD]: { equals: siteId } }] : []),
      ],
    },
    limit: 1,
    depth: 0,
    select: {},
    overrideAccess: false,
    req,
  })
  if (!docs[0])
    throw new PortalError('NOT_FOUND', `category: no category has the slug "${slug}".`, {
      field: 'category',
    })
  return docs[0].id as Id
}

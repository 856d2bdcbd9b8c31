import type {
  CollectionAfterDeleteHook,
  CollectionBeforeDeleteHook,
  CollectionSlug,
  Where,
} from 'payload'
import { incrementSummary } from './summary.js'
import { idOf, type Id } from '../../core/ids.js'
import { retryWhileBusy } from '../../core/database.js'
import { RATINGS_SLUG, RATING_SUMMARIES_SLUG } from '../../core/constants.js'

/** Deleting a vote (moderation in the admin) takes it out of the article's aggregate with `$inc`. */
export const subtractDeletedVote: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const article = idOf(doc?.article)
  const score = Number(doc?.score)
  if (article === undefined || !Number.isFinite(score)) return doc
  await incrementSummary(req.payload, article, -score, -1, req)
  return doc
}

/** Ids per delete statement (well under SQLite's and PostgreSQL's bound-parameter limits). */
const DELETE_CHUNK = 1000

/** Row ids found before an article is deleted, by request and article (hooks of one delete share req). */
const pendingByRequest = new WeakMap<object, Map<string, { votes: Id[]; summaries: Id[] }>>()

const idsOf = (docs: unknown[]): Id[] => docs.map((doc) => (doc as { id: Id }).id)

/**
 * Before an article is deleted: notes the ids of its votes and summary row. The database clears
 * their `article` as the article goes (`ON DELETE SET NULL`), so afterwards they could no longer
 * be told apart from another deleted article's.
 */
export const rememberArticleRatings: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const find = async (collection: string) => {
    // site-scope: by the deleted article's id, unique across sites.
    const { docs } = await req.payload.db.find({
      collection: collection as CollectionSlug,
      where: { article: { equals: id } },
      select: { id: true },
      limit: 0,
      pagination: false,
      req,
    })
    return idsOf(docs)
  }
  const [votes, summaries] = await Promise.all([find(RATINGS_SLUG), find(RATING_SUMMARIES_SLUG)])
  let pending = pendingByRequest.get(req)
  if (!pending) pendingByRequest.set(req, (pending = new Map()))
  pending.set(String(id), { votes, summaries })
}

/**
 * After an article is deleted: deletes its votes and summary (those noted before, and any still
 * naming its id), so a later article given the same id (SQLite reuses ids) starts with no rating.
 */
export const deleteArticleRatings: CollectionAfterDeleteHook = async ({ id, req }) => {
  const pending = pendingByRequest.get(req)?.get(String(id))
  pendingByRequest.get(req)?.delete(String(id))
  const remove = (collection: string, where: Where) =>
    retryWhileBusy(() =>
      // site-scope: the deleted article's rows, by its id (unique across sites) or their ids.
      req.payload.db.deleteMany({ collection: collection as CollectionSlug, where, req }),
    )
  for (const [collection, ids] of [
    [RATINGS_SLUG, pending?.votes ?? []],
    [RATING_SUMMARIES_SLUG, pending?.summaries ?? []],
  ] as const) {
    await remove(collection, { article: { equals: id } })
    for (let start = 0; start < ids.length; start += DELETE_CHUNK)
      await remove(collection, { id: { in: ids.slice(start, start + DELETE_CHUNK) } })
  }
}

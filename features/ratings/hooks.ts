import type { CollectionAfterDeleteHook } from 'payload'
import { incrementSummary } from './summary.js'
import { idOf } from '../../core/ids.js'

/** Deleting a vote (moderation in the admin) takes it out of the article's aggregate with `$inc`. */
export const subtractDeletedVote: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const article = idOf(doc?.article)
  const score = Number(doc?.score)
  if (article === undefined || !Number.isFinite(score)) return doc
  await incrementSummary(req.payload, article, -score, -1, req)
  return doc
}

import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import type { Id } from '../../core/ids.js'
import { indexArticle, indexArticles } from './indexer.js'
import { searchIndexOf } from './searchIndex.js'

/** A saved article is re-read and re-indexed in the same transaction (a draft save leaves the stored version as it was). */
export const indexArticleAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await indexArticle(req.payload, doc.id as Id, req)
  return doc
}

export const unindexArticleAfterDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
  await searchIndexOf(req.payload).remove(req, id as Id)
}

/**
 * When an author's or source's searchable name changes, the articles that name them are
 * re-indexed (`field` is the article's relationship, `names` the fields the index holds).
 */
export const reindexArticlesNaming =
  (field: 'authors' | 'source', names: string[]): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    if (operation !== 'update') return doc
    const changed = names.some((name) => doc[name] !== previousDoc?.[name])
    if (changed) await indexArticles(req.payload, { [field]: { in: [doc.id] } }, req)
    return doc
  }

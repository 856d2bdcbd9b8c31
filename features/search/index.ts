import type { Payload } from 'payload'
import { AUTHORS_SLUG, SOURCES_SLUG } from '../../core/constants.js'
import type { PortalFeature } from '../../core/feature.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { hideTablesFromPush } from '../../core/devPush.js'
import { searchArticlesQuery } from './graphql.js'
import {
  indexArticleAfterChange,
  reindexArticlesNaming,
  unindexArticleAfterDelete,
} from './hooks.js'
import { indexArticles } from './indexer.js'
import { searchIndexOf } from './searchIndex.js'
import { SEARCH_TABLE } from './store.js'

export { searchArticles, type SearchArticlesResult } from './search.js'
export { searchTableStatements, SEARCH_TABLE } from './store.js'

/**
 * Creates the index when missing and, while it is empty (a database from before search, or a seed
 * written by raw SQL), fills it from every article. Returns how many articles it indexed.
 */
export async function prepareSearchIndex(payload: Payload): Promise<number> {
  const index = searchIndexOf(payload)
  await index.ensure()
  return (await index.isEmpty()) ? indexArticles(payload, {}) : 0
}

/**
 * `SearchArticles`: full-text search over folded words per article (SQLite FTS5, PostgreSQL
 * tsvector + GIN, MongoDB a multikey index of words), kept by the articles', authors' and sources' hooks.
 */
export function searchFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  return {
    queries: searchArticlesQuery(options),
    articleHooks: {
      afterChange: [indexArticleAfterChange],
      afterDelete: [unindexArticleAfterDelete],
    },
    collectionHooks: {
      [AUTHORS_SLUG]: { afterChange: [reindexArticlesNaming('authors', ['name', 'pseudonym'])] },
      [SOURCES_SLUG]: { afterChange: [reindexArticlesNaming('source', ['title'])] },
    },
    onInit: async (payload) => {
      await prepareSearchIndex(payload)
    },
    finalizeConfig: hideTablesFromPush(SEARCH_TABLE),
  }
}

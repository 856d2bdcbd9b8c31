import type { Payload } from 'payload'
import { AUTHORS_SLUG, SOURCES_SLUG } from '../../core/constants.js'
import type { PortalFeature } from '../../core/feature.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { hideSearchTableFromPush } from './devPush.js'
import { searchArticlesQuery } from './graphql.js'
import {
  indexArticleAfterChange,
  reindexArticlesNaming,
  unindexArticleAfterDelete,
} from './hooks.js'
import { indexArticles } from './indexer.js'
import { searchDialect } from './sql.js'
import { ensureSearchTable, searchIndexIsEmpty } from './store.js'

export { searchArticles, type SearchArticlesResult } from './search.js'
export { searchTableStatements, SEARCH_TABLE } from './store.js'

/**
 * Creates the index when missing and, while it is empty (a database from before search, or a seed
 * written by raw SQL), fills it from every article. Returns how many articles it indexed.
 */
export async function prepareSearchIndex(payload: Payload): Promise<number> {
  if (!searchDialect(payload)) return 0
  await ensureSearchTable(payload)
  return (await searchIndexIsEmpty(payload)) ? indexArticles(payload, {}) : 0
}

/**
 * `SearchArticles`: full-text search over a table of folded words per article (SQLite FTS5,
 * PostgreSQL tsvector + GIN), kept by the articles', authors' and sources' hooks.
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
    finalizeConfig: hideSearchTableFromPush,
  }
}

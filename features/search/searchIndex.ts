import type { Payload } from 'payload'
import type { SearchIndex } from './indexContract.js'
import { mongoSearchIndex } from './mongoStore.js'
import { searchDialect } from './sql.js'
import {
  deleteSearchRow,
  ensureSearchTable,
  searchArticleIds,
  searchIndexIsEmpty,
  writeSearchRow,
} from './store.js'

/** The SQL databases' index: one table (FTS5 or tsvector), raw statements. */
const sqlSearchIndex = (payload: Payload): SearchIndex => ({
  ensure: () => ensureSearchTable(payload),
  isEmpty: () => searchIndexIsEmpty(payload),
  write: (req, entry) => writeSearchRow(payload, req, entry.id, entry.title, entry.body),
  remove: (req, id) => deleteSearchRow(payload, req, id),
  findIds: (req, query) => searchArticleIds(payload, req, query),
})

/** The search index of the database Payload runs on; the hooks, backfill and search go through it. */
export function searchIndexOf(payload: Payload): SearchIndex {
  if (searchDialect(payload)) return sqlSearchIndex(payload)
  if (payload.db.name === 'mongoose') return mongoSearchIndex(payload)
  throw new Error(`search: no search index for the ${payload.db.name} adapter.`)
}

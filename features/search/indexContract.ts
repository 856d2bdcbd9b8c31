import type { PayloadRequest } from 'payload'
import type { Id } from '../../core/ids.js'

export type Req = Partial<PayloadRequest> | undefined

export interface SearchIndexQuery {
  /** Folded words; the last one is a prefix. At least one. */
  terms: string[]
  siteId: Id | null
  categoryId: Id | null
  now: Date
  limit: number
  offset: number
}

/** One article's entry: its folded title words and the rest (lead, body, byline, authors, source). */
export interface SearchEntry {
  id: Id
  siteId: Id | null
  title: string
  body: string
}

/** What every database's search index offers (SQLite FTS5, PostgreSQL tsvector, MongoDB words). */
export interface SearchIndex {
  /** Creates the index when missing; safe to run again. */
  ensure: () => Promise<void>
  /** Whether it holds no article yet (a new or upgraded database: backfill it). */
  isEmpty: () => Promise<boolean>
  /** Puts one article's words in the index, replacing what it held. */
  write: (req: Req, entry: SearchEntry) => Promise<void>
  /** Takes an article out of the index. */
  remove: (req: Req, id: Id) => Promise<void>
  /**
   * The ids of the public articles matching every term, title matches first, then newest first
   * (ties by id), one page of them, and how many match in all.
   */
  findIds: (req: Req, query: SearchIndexQuery) => Promise<{ ids: Id[]; total: number }>
}

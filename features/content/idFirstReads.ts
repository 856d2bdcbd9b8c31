import type { PaginatedDocs, Payload, Where } from 'payload'
import { ARTICLES_SLUG } from '../../core/constants.js'

const INSTALLED = Symbol.for('news-portal.idFirstReads')

type FindArgs = Parameters<Payload['db']['find']>[0]
type FindRead = (args: FindArgs) => Promise<PaginatedDocs>
type IdFirstDb = Payload['db'] & { [INSTALLED]?: true }

/** Only a page after the first skips rows: page 1 builds no more rows than it returns. */
function skipsRows(args: FindArgs): boolean {
  return (
    args.collection === ARTICLES_SLUG &&
    args.pagination !== false &&
    typeof args.limit === 'number' &&
    args.limit > 0 &&
    typeof args.page === 'number' &&
    args.page > 1
  )
}

/**
 * Reads the page's keys (`key`: `id` for articles, `parent` for their latest versions) with the
 * final where, sort and page, then only those rows in full, in the first read's order and figures.
 */
function idFirst(read: FindRead, key: 'id' | 'parent'): FindRead {
  return async (args) => {
    if (!skipsRows(args)) return read(args)
    const page = await read({ ...args, select: { [key]: true } })
    const ids = page.docs.map((doc) => doc.id as number | string)
    if (!ids.length) return page
    const where: Where = { [key]: { in: ids } }
    // By id, which the primary key gives: the rows are put back in the first read's order below.
    const rows = await read({ ...args, limit: 0, page: 1, pagination: false, sort: key, where })
    const byId = new Map(rows.docs.map((doc) => [String(doc.id), doc]))
    // A row deleted between the two reads is left out rather than returned empty.
    const docs = ids.flatMap((id) => byId.get(String(id)) ?? [])
    return { ...page, docs }
  }
}

/**
 * Payload's SQL read of a page builds every row's locales, relationships and texts in the same
 * statement as its OFFSET, so PostgreSQL builds the skipped rows too: deep pages read ids first.
 * Wraps the adapter, below the find operation, so access and site scope are already in `where`.
 */
export function installIdFirstReads(payload: Payload): void {
  const db = payload.db as IdFirstDb
  if (db[INSTALLED] || (db.name !== 'sqlite' && db.name !== 'postgres')) return
  db[INSTALLED] = true
  db.find = idFirst(db.find.bind(db), 'id') as typeof db.find
  db.queryDrafts = idFirst(db.queryDrafts.bind(db), 'parent') as typeof db.queryDrafts
}

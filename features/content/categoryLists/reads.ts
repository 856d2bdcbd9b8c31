import type { PaginatedDocs, Payload, Where } from 'payload'
import { ARTICLES_SLUG } from '../../../core/constants.js'
import { isStorableNumericId, type Id } from '../../../core/ids.js'
import { idLiteral, runSql, sqlDialect, type SqlDialect } from '../../../core/sql.js'
import { categoryListShape, type CategoryListShape } from './shape.js'
import { CATEGORY_LISTS_TABLE } from './table.js'

const INSTALLED = Symbol.for('news-portal.categoryListReads')

type FindArgs = Parameters<Payload['db']['find']>[0]
type FindRead = (args: FindArgs) => Promise<PaginatedDocs>
type WrappedDb = Payload['db'] & { [INSTALLED]?: true }

/** Newest first: the order of every public list (and the collection's default sort). */
function newestFirst(sort: FindArgs['sort']): boolean {
  const items = sort === undefined || sort === null ? ['-publishedAt'] : [sort].flat()
  // Payload adds `-createdAt` itself; naming it changes nothing.
  return (
    items[0] === '-publishedAt' &&
    items.slice(1).every((item) => item === '-createdAt') &&
    items.length <= 2
  )
}

/** A string id of a numeric-id database as a number; `undefined` when it cannot be one. */
function storedIdOf(payload: Payload, id: string | number): Id | undefined {
  if (payload.db.defaultIDType !== 'number') return typeof id === 'string' ? id : undefined
  return isStorableNumericId(payload, id) ? Number(id) : undefined
}

/** The table's conditions for a list (SQL over the table only; every value through a literal helper). */
function filtersOf(payload: Payload, dialect: SqlDialect, shape: CategoryListShape): string | null {
  const category = storedIdOf(payload, shape.category)
  const site = shape.site === undefined ? null : storedIdOf(payload, shape.site)
  if (category === undefined || site === undefined) return null
  const time = (iso: string) => (dialect === 'postgres' ? `'${iso}'::timestamptz` : `'${iso}'`)
  const filters = [`"category_id" = ${idLiteral(category)}`]
  if (shape.status)
    filters.push(`"status" = '${shape.status === 'published' ? 'published' : 'draft'}'`)
  if (site !== null) filters.push(`"site_id" = ${idLiteral(site)}`)
  if (shape.publishedBy) filters.push(`"published_at" <= ${time(shape.publishedBy)}`)
  if (shape.notExpiredAt)
    filters.push(`("expires_at" IS NULL OR "expires_at" > ${time(shape.notExpiredAt)})`)
  return filters.join(' AND ')
}

/**
 * A page of one category's articles, newest first, with every filter the table holds: its ids and
 * total from the table's index (two range reads), then those rows through Payload's own read,
 * with the original `where` still applied (access, site, the public window), in the table's order.
 * Figures as Payload's read of the same `where` gives them (its join path, empty pages included).
 */
function categoryListRead(payload: Payload, read: FindRead): FindRead {
  const dialect = sqlDialect(payload)!
  return async (args) => {
    if (
      args.collection !== ARTICLES_SLUG ||
      args.pagination === false ||
      typeof args.limit !== 'number' ||
      args.limit <= 0 ||
      !newestFirst(args.sort)
    )
      return read(args)
    const shape = categoryListShape(args.where)
    const filters = shape && filtersOf(payload, dialect, shape)
    if (!filters) return read(args)
    const limit = args.limit
    const page = typeof args.page === 'number' && args.page > 0 ? args.page : 1
    const rows = await runSql(
      payload,
      `SELECT "article_id" AS "id" FROM "${CATEGORY_LISTS_TABLE}" WHERE ${filters} ORDER BY "published_at" DESC, "created_at" DESC, "article_id" DESC LIMIT ${limit} OFFSET ${(page - 1) * limit}`,
      args.req,
    )
    const ids = rows.map((row) => storedIdOf(payload, row.id as Id) as Id)
    if (!ids.length)
      return {
        docs: [],
        hasNextPage: false,
        hasPrevPage: false,
        limit,
        nextPage: null,
        page: 1,
        pagingCounter: 0,
        prevPage: null,
        totalDocs: 0,
        totalPages: 0,
      }
    const [counted] = await runSql(
      payload,
      `SELECT count(*) AS "total" FROM "${CATEGORY_LISTS_TABLE}" WHERE ${filters}`,
      args.req,
    )
    const where: Where = { and: [args.where as Where, { id: { in: ids } }] }
    // By id, which the primary key gives (a sort by publishedAt could walk the whole site's
    // index looking for ten ids): the rows are put back in the table's order below.
    const found = await read({ ...args, where, page: 1, limit: 0, pagination: false, sort: 'id' })
    const byId = new Map(found.docs.map((doc) => [String(doc.id), doc]))
    // A row the original where refuses (the table behind a change) is left out, never shown.
    const docs = ids.flatMap((id) => byId.get(String(id)) ?? [])
    const totalDocs = Number(counted?.total ?? 0)
    const totalPages = Math.ceil(totalDocs / limit)
    const hasNextPage = totalPages > page
    return {
      docs,
      hasNextPage,
      hasPrevPage: page > 1,
      limit,
      nextPage: hasNextPage ? page + 1 : null,
      page,
      pagingCounter: (page - 1) * limit + 1,
      prevPage: page > 1 ? page - 1 : null,
      totalDocs,
      totalPages,
    }
  }
}

/**
 * Lists of one category (`categories: { equals }`, what `portal.articles.list({ category })` and
 * the portal's sections ask) read from the category table (SQL adapters). Wraps the adapter's
 * `find`, below the find operation, so access and site scope are already in `where`.
 */
export function installCategoryListReads(payload: Payload): void {
  const db = payload.db as WrappedDb
  if (db[INSTALLED] || !sqlDialect(payload)) return
  db[INSTALLED] = true
  db.find = categoryListRead(payload, db.find.bind(db)) as typeof db.find
}

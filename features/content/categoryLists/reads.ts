import type { PaginatedDocs, Payload } from 'payload'
import { ARTICLES_SLUG } from '../../../core/constants.js'
import { isStorableNumericId, type Id } from '../../../core/ids.js'
import { dateLiteral, idLiteral, runSql, sqlDialect, type SqlDialect } from '../../../core/sql.js'
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

/**
 * The list's conditions in SQL over one table: `table` is the category table or `articles`,
 * which name the same columns (`_status` there, `status` here). Every value through a literal
 * helper. `null` when an id cannot be one of this database.
 */
function conditionsOf(
  payload: Payload,
  dialect: SqlDialect,
  shape: CategoryListShape,
  table: typeof CATEGORY_LISTS_TABLE | 'articles',
): string[] | null {
  const category = storedIdOf(payload, shape.category)
  const site = shape.site === undefined ? null : storedIdOf(payload, shape.site)
  if (category === undefined || site === undefined) return null
  const column = (name: string) => `"${table}"."${name}"`
  const time = (iso: string) => dateLiteral(dialect, new Date(iso))
  const conditions =
    table === CATEGORY_LISTS_TABLE ? [`${column('category_id')} = ${idLiteral(category)}`] : []
  if (shape.status)
    conditions.push(
      `${column(table === 'articles' ? '_status' : 'status')} = '${shape.status === 'published' ? 'published' : 'draft'}'`,
    )
  if (site !== null) conditions.push(`${column('site_id')} = ${idLiteral(site)}`)
  if (shape.publishedBy) conditions.push(`${column('published_at')} <= ${time(shape.publishedBy)}`)
  if (shape.notExpiredAt)
    conditions.push(
      `(${column('expires_at')} IS NULL OR ${column('expires_at')} > ${time(shape.notExpiredAt)})`,
    )
  return conditions
}

/**
 * A page of one category's articles, newest first, with every filter the table holds:
 * 1. the page's ids: the category table's index walked newest first to the page (`OFFSET`
 *    skips index entries only), then each of its articles checked again by primary key against
 *    the same conditions (the article's own status, time window and site, not only the table's
 *    copy of them): a row the table would wrongly list is left out, never shown;
 * 2. the total: a count over the table's index alone;
 * 3. those rows through Payload's own read by id (the primary key gives that order), put back in
 *    the page's order.
 * Figures as Payload's read of the same `where` gives them (its join path, empty pages included).
 */
function categoryListRead(payload: Payload, read: FindRead): FindRead {
  const dialect = sqlDialect(payload)!
  return async (args) => {
    if (
      args.collection !== ARTICLES_SLUG ||
      args.pagination === false ||
      !Number.isSafeInteger(args.limit) ||
      (args.limit as number) <= 0 ||
      (args.page !== undefined &&
        !(Number.isSafeInteger(args.page) && (args.page as number) > 0)) ||
      !newestFirst(args.sort)
    )
      return read(args)
    const shape = categoryListShape(args.where)
    const listed = shape && conditionsOf(payload, dialect, shape, CATEGORY_LISTS_TABLE)
    const checked = shape && conditionsOf(payload, dialect, shape, 'articles')
    if (!listed || !checked) return read(args)
    // Whole numbers only reach the SQL (anything else was left to Payload above).
    const limit = args.limit as number
    const page = args.page ?? 1
    // SQLite: `CROSS JOIN` keeps the page the outer loop (no statistics to tell it otherwise).
    const join = dialect === 'sqlite' ? 'CROSS JOIN' : 'JOIN'
    const order = (table: string) =>
      ['published_at', 'created_at', 'article_id'].map((c) => `"${table}"."${c}" DESC`).join(', ')
    const rows = await runSql(
      payload,
      `SELECT "page"."article_id" AS "id" FROM (SELECT "article_id", "published_at", "created_at" FROM "${CATEGORY_LISTS_TABLE}" WHERE ${listed.join(' AND ')} ORDER BY ${order(CATEGORY_LISTS_TABLE)} LIMIT ${limit} OFFSET ${(page - 1) * limit}) "page" ${join} "articles" ON "articles"."id" = "page"."article_id"${checked.length ? ` WHERE ${checked.join(' AND ')}` : ''} ORDER BY ${order('page')}`,
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
      `SELECT count(*) AS "total" FROM "${CATEGORY_LISTS_TABLE}" WHERE ${listed.join(' AND ')}`,
      args.req,
    )
    // By id alone, as the ids-first read does: with the site's conditions too, SQLite (no
    // statistics) walks the site's whole index looking for ten ids.
    const found = await read({
      ...args,
      where: { id: { in: ids } },
      page: 1,
      limit: 0,
      pagination: false,
      sort: 'id',
    })
    const byId = new Map(found.docs.map((doc) => [String(doc.id), doc]))
    // A row deleted since the first read is left out rather than returned empty.
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

import type { Payload } from 'payload'
import type { Id } from '../../core/ids.js'
import type { Req, SearchIndexQuery } from './indexContract.js'
import {
  dateLiteral,
  idLiteral,
  runSql,
  searchDialect,
  wordsLiteral,
  type SearchDialect,
} from './sql.js'

/** The search index's table (SQLite: an FTS5 table and its shadow tables, all with this prefix). */
export const SEARCH_TABLE = 'portal_search'

export type { SearchIndexQuery }

function dialectOf(payload: Payload): SearchDialect {
  const dialect = searchDialect(payload)
  if (!dialect) throw new Error(`search: no search index for the ${payload.db.name} adapter.`)
  return dialect
}

/** The statements that create the index, each safe to run again (init and migrations run them). */
export function searchTableStatements(dialect: SearchDialect, idType: 'number' | 'text'): string[] {
  if (dialect === 'sqlite') {
    // rowid is the article's id; words arrive folded already, unicode61 only splits them.
    return [
      `CREATE VIRTUAL TABLE IF NOT EXISTS "${SEARCH_TABLE}" USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`,
    ]
  }
  const idColumn = idType === 'number' ? 'integer' : 'varchar'
  return [
    `CREATE TABLE IF NOT EXISTS "${SEARCH_TABLE}" ("article_id" ${idColumn} PRIMARY KEY, "title" text NOT NULL DEFAULT '', "body" text NOT NULL DEFAULT '', "document" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', "title"), 'A') || setweight(to_tsvector('simple', "body"), 'B')) STORED)`,
    `CREATE INDEX IF NOT EXISTS "${SEARCH_TABLE}_document_idx" ON "${SEARCH_TABLE}" USING gin ("document")`,
  ]
}

/** Creates the index's table when it is missing. */
export async function ensureSearchTable(payload: Payload, req?: Req): Promise<void> {
  const dialect = dialectOf(payload)
  if (dialect === 'sqlite' && payload.db.defaultIDType !== 'number')
    throw new Error('search: the SQLite search index needs numeric article ids.')
  for (const statement of searchTableStatements(dialect, payload.db.defaultIDType))
    await runSql(payload, statement, req)
}

/** Whether the index holds no article yet (a new or upgraded database: backfill it). */
export async function searchIndexIsEmpty(payload: Payload): Promise<boolean> {
  const rows = await runSql(payload, `SELECT 1 AS "found" FROM "${SEARCH_TABLE}" LIMIT 1`)
  return rows.length === 0
}

/** Puts one article's folded words in the index, replacing what it held. */
export async function writeSearchRow(
  payload: Payload,
  req: Req,
  id: Id,
  title: string,
  body: string,
): Promise<void> {
  const values = `${idLiteral(id)}, ${wordsLiteral(title)}, ${wordsLiteral(body)}`
  if (dialectOf(payload) === 'sqlite') {
    // FTS5 has no upsert: the old row goes first.
    await runSql(payload, `DELETE FROM "${SEARCH_TABLE}" WHERE rowid = ${idLiteral(id)}`, req)
    await runSql(
      payload,
      `INSERT INTO "${SEARCH_TABLE}" (rowid, title, body) VALUES (${values})`,
      req,
    )
    return
  }
  await runSql(
    payload,
    `INSERT INTO "${SEARCH_TABLE}" ("article_id", "title", "body") VALUES (${values}) ON CONFLICT ("article_id") DO UPDATE SET "title" = EXCLUDED."title", "body" = EXCLUDED."body"`,
    req,
  )
}

/** Takes an article out of the index. */
export async function deleteSearchRow(payload: Payload, req: Req, id: Id): Promise<void> {
  const key = dialectOf(payload) === 'sqlite' ? 'rowid' : '"article_id"'
  await runSql(payload, `DELETE FROM "${SEARCH_TABLE}" WHERE ${key} = ${idLiteral(id)}`, req)
}

/**
 * The ids of the public articles matching every term, title matches first, then newest first
 * (ties by id), one page of them, and how many match in all. Publicity is the articles table's,
 * read now: a scheduled article appears and an expired one goes without touching the index.
 */
export async function searchArticleIds(
  payload: Payload,
  req: Req,
  query: SearchIndexQuery,
): Promise<{ ids: Id[]; total: number }> {
  const dialect = dialectOf(payload)
  const now = dateLiteral(dialect, query.now)
  const filters = [
    `a."_status" = 'published'`,
    `a."published_at" <= ${now}`,
    `(a."expires_at" IS NULL OR a."expires_at" > ${now})`,
  ]
  if (query.siteId !== null) filters.push(`a."site_id" = ${idLiteral(query.siteId)}`)
  if (query.categoryId !== null)
    filters.push(
      `EXISTS (SELECT 1 FROM "articles_rels" r WHERE r."parent_id" = a."id" AND r."path" = 'categories' AND r."categories_id" = ${idLiteral(query.categoryId)})`,
    )
  const where = filters.join(' AND ')
  const { from, tier } =
    dialect === 'sqlite' ? sqliteMatch(query.terms) : postgresMatch(query.terms)
  const [counted] = await runSql(payload, `SELECT count(*) AS "total" ${from} WHERE ${where}`, req)
  const total = Number(counted?.total ?? 0)
  if (total === 0 || query.offset >= total) return { ids: [], total }
  const rows = await runSql(
    payload,
    `SELECT a."id" AS "id" ${from} WHERE ${where} ORDER BY ${tier}, a."published_at" DESC, a."id" DESC LIMIT ${query.limit} OFFSET ${query.offset}`,
    req,
  )
  return { ids: rows.map((row) => row.id as Id), total }
}

/** FTS5: every term in any column, the last a prefix; the tier is 0 when all are in the title. */
function sqliteMatch(terms: string[]) {
  const expression = terms
    .map((term, index) => `"${term}"${index === terms.length - 1 ? '*' : ''}`)
    .join(' ')
  return {
    // CROSS JOIN keeps the full-text match the outer loop, run once; the planner would otherwise
    // scan the articles and run the match again for each one.
    from: `FROM (SELECT rowid AS "id" FROM "${SEARCH_TABLE}" WHERE "${SEARCH_TABLE}" MATCH ${wordsLiteralOf(expression)}) h CROSS JOIN "articles" a ON a."id" = h."id"`,
    tier: `CASE WHEN a."id" IN (SELECT rowid FROM "${SEARCH_TABLE}" WHERE "${SEARCH_TABLE}" MATCH ${wordsLiteralOf(`title : (${expression})`)}) THEN 0 ELSE 1 END`,
  }
}

/** PostgreSQL: the same over the weighted tsvector; weight A is the title. */
function postgresMatch(terms: string[]) {
  const query = (weight: '' | 'A') =>
    terms
      .map((term, index) => {
        const prefix = index === terms.length - 1 ? '*' : ''
        return prefix || weight ? `${term}:${prefix}${weight}` : term
      })
      .join(' & ')
  return {
    from: `FROM "${SEARCH_TABLE}" s JOIN "articles" a ON a."id" = s."article_id" AND s."document" @@ to_tsquery('simple', ${wordsLiteralOf(query(''))})`,
    tier: `CASE WHEN s."document" @@ to_tsquery('simple', ${wordsLiteralOf(query('A'))}) THEN 0 ELSE 1 END`,
  }
}

/** A literal of a query built only from folded words and the operators we add around them. */
function wordsLiteralOf(expression: string): string {
  if (!/^[\p{L}\p{N} "*:&()A]*$/u.test(expression))
    throw new Error('search: only words and our own operators reach SQL.')
  return `'${expression}'`
}

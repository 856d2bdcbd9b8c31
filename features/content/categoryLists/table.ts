import type { Payload, PayloadRequest } from 'payload'
import type { Id } from '../../../core/ids.js'
import { idLiteral, runSql, sqlDialect, type SqlDialect } from '../../../core/sql.js'

/**
 * Which article is in which category, with what a category's public list filters and sorts on:
 * one row per (article, category) of the article's `categories`, copied from the articles table
 * (the published row, not a draft version). A category's page and its total are then one range of
 * one index, whatever the archive's size; Payload's own read of `categories: { equals }` joins
 * `articles_rels` and counts with `COUNT(1) OVER() … GROUP BY` over every article of the site.
 */
export const CATEGORY_LISTS_TABLE = 'portal_category_articles'

/** The index a category's list reads: equality columns, then the order, then what it filters on. */
export const CATEGORY_LISTS_INDEX = `${CATEGORY_LISTS_TABLE}_list_idx`

function dialectOf(payload: Payload): SqlDialect {
  const dialect = sqlDialect(payload)
  if (!dialect) throw new Error(`category lists: no table for the ${payload.db.name} adapter.`)
  return dialect
}

/** The statements that create the table and its index, each safe to run again. */
export function categoryListsTableStatements(
  dialect: SqlDialect,
  idType: 'number' | 'text',
): string[] {
  const id = dialect === 'sqlite' ? 'integer' : idType === 'number' ? 'integer' : 'varchar'
  const text = dialect === 'sqlite' ? 'text' : 'varchar'
  const time = dialect === 'sqlite' ? 'text' : 'timestamp(3) with time zone'
  return [
    `CREATE TABLE IF NOT EXISTS "${CATEGORY_LISTS_TABLE}" ("article_id" ${id} NOT NULL, "category_id" ${id} NOT NULL, "site_id" ${id}, "status" ${text}, "published_at" ${time}, "created_at" ${time} NOT NULL, "expires_at" ${time}, PRIMARY KEY ("article_id", "category_id"))`,
    // Newest first is this index walked backwards; the site and expiry are read from it too.
    `CREATE INDEX IF NOT EXISTS "${CATEGORY_LISTS_INDEX}" ON "${CATEGORY_LISTS_TABLE}" ("category_id", "status", "published_at", "created_at", "article_id", "site_id", "expires_at")`,
  ]
}

export const dropCategoryListsTableStatements = (): string[] => [
  `DROP TABLE IF EXISTS "${CATEGORY_LISTS_TABLE}"`,
]

/** The rows of the articles matching `articleFilter` (SQL over `a`), as the articles table holds them now. */
function copyStatement(articleFilter: string): string {
  return (
    `INSERT INTO "${CATEGORY_LISTS_TABLE}" ("article_id", "category_id", "site_id", "status", "published_at", "created_at", "expires_at") ` +
    `SELECT DISTINCT a."id", r."categories_id", a."site_id", CAST(a."_status" AS varchar), a."published_at", a."created_at", a."expires_at" ` +
    `FROM "articles" a JOIN "articles_rels" r ON r."parent_id" = a."id" AND r."path" = 'categories' AND r."categories_id" IS NOT NULL` +
    // Two instances filling an empty table at the same start write the same rows: the second
    // keeps the first's. (SQLite needs the WHERE to read ON CONFLICT as the upsert's.)
    ` WHERE ${articleFilter || 'true'} ON CONFLICT ("article_id", "category_id") DO NOTHING`
  )
}

/** The statements that fill the table from every article (a migration, a bulk load, a repair). */
export function rebuildCategoryListsStatements(): string[] {
  return [`DELETE FROM "${CATEGORY_LISTS_TABLE}"`, copyStatement('')]
}

export async function ensureCategoryListsTable(payload: Payload): Promise<void> {
  for (const statement of categoryListsTableStatements(
    dialectOf(payload),
    payload.db.defaultIDType,
  ))
    await runSql(payload, statement)
}

/** Fills the table again from every article (after rows were written by SQL, bypassing the hooks). */
export async function rebuildCategoryLists(
  payload: Payload,
  req?: Partial<PayloadRequest>,
): Promise<void> {
  dialectOf(payload)
  for (const statement of rebuildCategoryListsStatements()) await runSql(payload, statement, req)
}

/** True when the table holds nothing while some article has a category (a database from before it). */
export async function categoryListsNeedFilling(payload: Payload): Promise<boolean> {
  const held = await runSql(payload, `SELECT 1 AS "found" FROM "${CATEGORY_LISTS_TABLE}" LIMIT 1`)
  if (held.length) return false
  const wanted = await runSql(
    payload,
    `SELECT 1 AS "found" FROM "articles_rels" WHERE "path" = 'categories' AND "categories_id" IS NOT NULL LIMIT 1`,
  )
  return wanted.length > 0
}

/** Copies one article's rows again, in the request's transaction (after a save: the row as written). */
export async function refreshArticleCategories(
  payload: Payload,
  id: Id,
  req?: Partial<PayloadRequest>,
): Promise<void> {
  const article = idLiteral(id)
  await runSql(
    payload,
    `DELETE FROM "${CATEGORY_LISTS_TABLE}" WHERE "article_id" = ${article}`,
    req,
  )
  await runSql(payload, copyStatement(`a."id" = ${article}`), req)
}

/** Deletes the rows of one article, or of one category, in the request's transaction. */
async function forget(
  payload: Payload,
  column: 'article_id' | 'category_id',
  id: Id,
  req?: Partial<PayloadRequest>,
): Promise<void> {
  await runSql(
    payload,
    `DELETE FROM "${CATEGORY_LISTS_TABLE}" WHERE "${column}" = ${idLiteral(id)}`,
    req,
  )
}

export const forgetArticleCategories = (
  payload: Payload,
  id: Id,
  req?: Partial<PayloadRequest>,
): Promise<void> => forget(payload, 'article_id', id, req)

export const forgetCategory = (
  payload: Payload,
  id: Id,
  req?: Partial<PayloadRequest>,
): Promise<void> => forget(payload, 'category_id', id, req)

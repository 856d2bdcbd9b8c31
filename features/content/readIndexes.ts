import type { CollectionConfig, Payload } from 'payload'

/**
 * The composite indexes of `articles` that serve its public and admin reads at any archive size.
 * Each starts with the site (every read is on one), then the equality filters (`_status`,
 * `primaryCategory`), then the order Payload issues: `publishedAt` and its own tie-break
 * (`createdAt`). Declared in the config so every adapter builds them: SQLite and PostgreSQL
 * through the migrations, MongoDB itself. Ascending only (Payload declares no direction); both
 * databases walk an index backwards for `DESC`.
 */
export const articleReadIndexes: NonNullable<CollectionConfig['indexes']> = [
  // The public list and REST: site, published, newest first (Payload adds `createdAt DESC`);
  // `expiresAt` last, so the page's total is counted from the index alone.
  { fields: ['site', '_status', 'publishedAt', 'createdAt', 'expiresAt'] },
  // A primary category's list, and its total.
  { fields: ['site', 'primaryCategory', '_status', 'publishedAt', 'createdAt', 'expiresAt'] },
]

/**
 * MongoDB only: a category's list (`categories` holds the article's categories as an array, so
 * this is a multikey index), newest first, with its total. The SQL adapters keep a table for it
 * instead (features/content/categoryLists), since there `categories` lives in `articles_rels`.
 */
export const mongoArticleReadIndexes: NonNullable<CollectionConfig['indexes']> = [
  { fields: ['site', 'categories', '_status', 'publishedAt', 'createdAt', 'expiresAt'] },
]

/**
 * What Payload cannot declare (a compound index may not name `id`, nor a column of the versions
 * table of its own): the portal's id tie-breaks (neighbours, feed) and the admin's list of latest
 * versions. Created by the migrations and, for a pushed schema (development, tests), at start.
 */
export const RAW_READ_INDEXES: Record<string, string> = {
  // ArticlePage's neighbours: same primary category, by publishedAt then id (then Payload's
  // `createdAt`, which the reads name in the same direction so one index serves both sides).
  articles_neighbours_idx:
    'ON "articles" ("site_id", "primary_category_id", "_status", "published_at", "id", "created_at")',
  // The feed: newest first, ties by id.
  articles_feed_idx: 'ON "articles" ("site_id", "_status", "published_at", "id", "created_at")',
  // The public cache's next expiry boundary of a site (features/cache/boundary.ts).
  articles_expiry_idx: 'ON "articles" ("site_id", "_status", "expires_at")',
  // The admin's list (drafts: the latest version of each article), by site, newest first.
  _articles_v_admin_list_idx:
    'ON "_articles_v" ("version_site_id", "latest", "version_published_at", "created_at")',
  // A row's locales and tags are read by parent. Payload's own indexes lead with `_locale` and
  // `order`, so PostgreSQL walks the whole index for every article of a page.
  articles_locales_parent_idx: 'ON "articles_locales" ("_parent_id")',
  articles_texts_parent_idx: 'ON "articles_texts" ("parent_id")',
  _articles_v_locales_parent_idx: 'ON "_articles_v_locales" ("_parent_id")',
  _articles_v_texts_parent_idx: 'ON "_articles_v_texts" ("parent_id")',
}

/** The statements that create `RAW_READ_INDEXES` (idempotent). */
export const rawReadIndexStatements = (): string[] =>
  Object.entries(RAW_READ_INDEXES).map(([name, on]) => `CREATE INDEX IF NOT EXISTS "${name}" ${on}`)

/** The statements that drop them (a migration's `down`). */
export const dropRawReadIndexStatements = (): string[] =>
  Object.keys(RAW_READ_INDEXES).map((name) => `DROP INDEX IF EXISTS "${name}"`)

type SqlAdapter = {
  name: string
  drizzle: unknown
  execute: (args: { drizzle: unknown; raw: string }) => Promise<unknown>
}

/**
 * A pushed schema (development, tests) has only what the config declares, and a push drops what
 * it does not know: create the raw indexes at every start (cheap once they exist). MongoDB: none.
 */
export async function ensureRawReadIndexes(payload: Payload): Promise<void> {
  // site-scope: index definitions, no rows.
  const adapter = payload.db as unknown as SqlAdapter
  if (adapter.name !== 'sqlite' && adapter.name !== 'postgres') return
  for (const statement of rawReadIndexStatements())
    await adapter.execute({ drizzle: adapter.drizzle, raw: statement })
}

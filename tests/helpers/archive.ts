import type { Payload } from 'payload'
import { rebuildCategoryListsStatements } from '../../features/content/categoryLists/index.js'

/** Raw SQL on the test's database: SQLite (libsql) or PostgreSQL (node-postgres). */
export interface RawSql {
  postgres: boolean
  query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>
}

export function rawSql(payload: Payload): RawSql {
  const db = payload.db as unknown as {
    name: string
    client?: { execute: (query: { sql: string; args: unknown[] }) => Promise<{ rows: unknown[] }> }
    pool?: { query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> }
  }
  if (db.name === 'postgres')
    return {
      postgres: true,
      query: async (sql, params = []) => (await db.pool!.query(sql, params)).rows as never,
    }
  if (db.name === 'sqlite')
    return {
      postgres: false,
      query: async (sql, params = []) =>
        (await db.client!.execute({ sql, args: params })).rows as never,
    }
  throw new Error(`rawSql: no SQL on the ${db.name} adapter`)
}

/**
 * Copies the first `base` articles (ids 1..base, made through the Local API) `copies` times by
 * raw SQL, each copy an hour older than the last: every column, locale and relationship, and one
 * latest version each (what the admin's list reads), the category table. Then the planner's statistics.
 */
export async function multiplyArticles({ postgres, query }: RawSql, base: number, copies: number) {
  const older = (column: string) =>
    postgres
      ? `${column} - k.n * interval '1 hour'`
      : `strftime('%Y-%m-%dT%H:%M:%fZ', ${column}, '-' || k.n || ' hours')`
  const counter = `WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ${copies})`
  await query(`${counter}
    INSERT INTO articles (id, slug, published_at, expires_at, cover_image_id, primary_category_id,
      byline, source_id, source_url, allow_ratings, site_id, updated_at, created_at, _status)
    SELECT k.n * ${base} + a.id, a.slug || '-' || k.n, ${older('a.published_at')}, a.expires_at,
      a.cover_image_id, a.primary_category_id, a.byline, a.source_id, a.source_url,
      a.allow_ratings, a.site_id, ${older('a.updated_at')}, ${older('a.created_at')}, a._status
    FROM articles a CROSS JOIN k WHERE a.id <= ${base}`)
  await query(`${counter}
    INSERT INTO articles_locales (title, lead, body, body_html, _locale, _parent_id)
    SELECT l.title, l.lead, l.body, l.body_html, l._locale, k.n * ${base} + l._parent_id
    FROM articles_locales l CROSS JOIN k WHERE l._parent_id <= ${base}`)
  await query(`${counter}
    INSERT INTO articles_rels ("order", parent_id, path, categories_id, authors_id)
    SELECT r."order", k.n * ${base} + r.parent_id, r.path, r.categories_id, r.authors_id
    FROM articles_rels r CROSS JOIN k WHERE r.parent_id <= ${base}`)
  await query(`${counter}
    INSERT INTO articles_texts ("order", parent_id, path, text)
    SELECT t."order", k.n * ${base} + t.parent_id, t.path, t.text
    FROM articles_texts t CROSS JOIN k WHERE t.parent_id <= ${base}`)
  await query(`INSERT INTO _articles_v (parent_id, version_slug, version_published_at,
      version_expires_at, version_primary_category_id, version_byline, version_allow_ratings,
      version_site_id, version_updated_at, version_created_at, version__status, created_at,
      updated_at, latest)
    SELECT id, slug, published_at, expires_at, primary_category_id, byline, allow_ratings, site_id,
      updated_at, created_at, ${postgres ? '_status::text::enum__articles_v_version_status' : '_status'},
      created_at, updated_at, ${postgres ? 'true' : '1'}
    FROM articles WHERE id > ${base}`)
  await query(`INSERT INTO _articles_v_locales (version_title, version_lead, version_body,
      version_body_html, _locale, _parent_id)
    SELECT l.title, l.lead, l.body, l.body_html, l._locale, v.id
    FROM _articles_v v JOIN articles_locales l ON l._parent_id = v.parent_id
    WHERE v.parent_id > ${base}`)
  // The plugin's category table, kept by hooks these rows went past.
  for (const statement of rebuildCategoryListsStatements()) await query(statement)
  if (postgres) {
    await query(
      `SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles))`,
    )
    await query('VACUUM ANALYZE')
  } else await query('ANALYZE')
}

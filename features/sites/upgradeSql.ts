import type { Payload, PayloadRequest } from 'payload'
import type { Id } from '../../core/ids.js'
import { defaultSiteSettings, type DefaultSiteSettings } from './upgradeSettings.js'

/** drizzle's `sql` tag, as the migration imports it from its adapter (`@payloadcms/db-sqlite` or `-postgres`). */
export interface SqlTag {
  (strings: TemplateStringsArray, ...values: unknown[]): unknown
  raw: (text: string) => unknown
}

/** The `db` a Payload SQL migration receives: drizzle over libsql (`run`, `all`) or node-postgres (`execute`). */
export interface MigrationDb {
  run?: (query: never) => Promise<unknown>
  all?: (query: never) => Promise<unknown[]>
  execute?: (query: never) => Promise<{ rows: unknown[] }>
}

export interface SqlUpgradeArgs {
  db: MigrationDb
  payload: Payload
  req?: Partial<PayloadRequest>
  sql: SqlTag
}

/**
 * The data half of the sites upgrade, for a SQL database whose schema already has sites: the
 * default site (found, or created from the plugin's siteName/siteUrl/timeZone), every article and
 * version, category and counter widget without a site put on it, every counter row's key moved to
 * the site's format (`site:<id>:<key>`; sessions' scope too), rate-limit windows emptied (one
 * minute long), and every user of the admin's collection given the site. Ids, slugs and figures
 * are not touched. Authors and sources stay shared (no site). A second run duplicates nothing,
 * but would give the site to users who have none by then: run it once, in the migration.
 * Returns the default site's id.
 */
export async function moveContentToDefaultSite({ db, payload, sql }: SqlUpgradeArgs): Promise<Id> {
  const rows = async (query: unknown): Promise<Array<Record<string, unknown>>> =>
    (db.execute ? (await db.execute(query as never)).rows : await db.all!(query as never)) as Array<
      Record<string, unknown>
    >
  const run = async (query: unknown) =>
    db.execute ? db.execute(query as never) : db.run!(query as never)
  const table = (name: string) => sql.raw(`"${identifier(name)}"`)

  const settings = defaultSiteSettings(payload)
  const siteId = (await findDefaultSite(rows, sql)) ?? (await createDefaultSite(payload, settings))
  const prefix = `site:${String(siteId)}:`

  for (const name of ['articles', 'categories', 'counter_widgets'])
    await run(sql`UPDATE ${table(name)} SET "site_id" = ${siteId} WHERE "site_id" IS NULL`)
  await run(
    sql`UPDATE "_articles_v" SET "version_site_id" = ${siteId} WHERE "version_site_id" IS NULL`,
  )
  // Prefixed once: a key already on a site is left as it is.
  await run(
    sql`UPDATE "visit_counts" SET "key" = ${prefix} || "key" WHERE "key" NOT LIKE ${'site:%'}`,
  )
  await run(
    sql`UPDATE "visit_sessions" SET "key" = ${prefix} || "key", "scope" = ${prefix} || "scope" WHERE "key" NOT LIKE ${'site:%'}`,
  )
  // Windows of one minute: emptying them forgives at most one minute of a client's hits.
  await run(sql`DELETE FROM "rate_limit_hits"`)

  const users = usersTable(payload)
  await run(
    sql`INSERT INTO ${table(`${users}_rels`)} ("order", "parent_id", "path", "sites_id")
      SELECT 1, u."id", ${'sites'}, s."id" FROM ${table(users)} u, "sites" s
      WHERE s."id" = ${siteId} AND NOT EXISTS (SELECT 1 FROM ${table(`${users}_rels`)} r WHERE r."parent_id" = u."id" AND r."path" = ${'sites'})`,
  )
  return siteId

  async function createDefaultSite(payload: Payload, site: DefaultSiteSettings): Promise<Id> {
    const [created] = await rows(
      sql`INSERT INTO "sites" ("slug", "site_url", "time_zone", "is_default")
        VALUES (${site.slug}, ${site.siteUrl}, ${site.timeZone}, ${true}) RETURNING "id"`,
    )
    const id = created.id as Id
    const locale = payload.config.localization ? payload.config.localization.defaultLocale : null
    if (locale)
      await run(
        sql`INSERT INTO "sites_locales" ("name", "_locale", "_parent_id") VALUES (${site.name}, ${locale}, ${id})`,
      )
    else await run(sql`UPDATE "sites" SET "name" = ${site.name} WHERE "id" = ${id}`)
    return id
  }
}

/**
 * The data half of going back to before sites (a migration's `down`): refused while more than one
 * site exists (their content and figures would merge); otherwise the counter rows lose the site's
 * prefix and the rate-limit windows are emptied. The schema steps then drop the sites.
 */
export async function moveContentOffSites({ db, sql }: SqlUpgradeArgs): Promise<void> {
  const rows = async (query: unknown): Promise<Array<Record<string, unknown>>> =>
    (db.execute ? (await db.execute(query as never)).rows : await db.all!(query as never)) as Array<
      Record<string, unknown>
    >
  const run = async (query: unknown) =>
    db.execute ? db.execute(query as never) : db.run!(query as never)
  const sites = await rows(sql`SELECT "id" FROM "sites"`)
  if (sites.length > 1)
    throw new Error(
      `Going back to one site would merge the content and figures of ${sites.length} sites: delete all sites but one first.`,
    )
  if (!sites.length) return
  const prefix = `site:${String(sites[0].id)}:`
  const from = prefix.length + 1
  await run(
    sql`UPDATE "visit_counts" SET "key" = substr("key", ${from}) WHERE "key" LIKE ${`${prefix}%`}`,
  )
  await run(
    sql`UPDATE "visit_sessions" SET "key" = substr("key", ${from}), "scope" = substr("scope", ${from}) WHERE "key" LIKE ${`${prefix}%`}`,
  )
  await run(sql`DELETE FROM "rate_limit_hits"`)
  // Locks held on sites' documents go with the sites.
  await run(
    sql`DELETE FROM "payload_locked_documents" WHERE "id" IN (SELECT "parent_id" FROM "payload_locked_documents_rels" WHERE "sites_id" IS NOT NULL)`,
  )
}

/** The site flagged default, else the oldest; none in a database that had no sites. */
async function findDefaultSite(
  rows: (query: unknown) => Promise<Array<Record<string, unknown>>>,
  sql: SqlTag,
): Promise<Id | undefined> {
  const [site] = await rows(
    sql`SELECT "id" FROM "sites" ORDER BY CASE WHEN "is_default" = ${true} THEN 0 ELSE 1 END, "created_at", "id" LIMIT 1`,
  )
  return site?.id as Id | undefined
}

/** The table of the admin's user collection (`users` unless it has another slug or dbName). */
function usersTable(payload: Payload): string {
  const slug = payload.config.admin.user.replace(/-/g, '_')
  const map = (payload.db as unknown as { tableNameMap?: Map<string, string> }).tableNameMap
  return map?.get(slug) ?? slug
}

/** Table names come from the config; refuse anything that would need quoting. */
function identifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Unexpected table name "${name}".`)
  return name
}

/**
 * Runs a SQLite migration's statements as one transaction, so a failed upgrade leaves the database
 * as it was. Payload runs SQLite migrations outside a transaction unless the adapter has
 * `transactionOptions` (then `req.transactionID` is set and this adds nothing). BEGIN goes through
 * the same connection as the statements: `db.transaction()` would open a new connection without
 * the adapter's busy_timeout for the rest of the process.
 */
export async function inOneSqliteTransaction(
  { db, req, sql }: Pick<SqlUpgradeArgs, 'db' | 'req' | 'sql'>,
  statements: () => Promise<void>,
): Promise<void> {
  if (req?.transactionID) return statements()
  await db.run!(sql`BEGIN IMMEDIATE` as never)
  try {
    await statements()
  } catch (error) {
    await db.run!(sql`ROLLBACK` as never)
    throw error
  }
  await db.run!(sql`COMMIT` as never)
}

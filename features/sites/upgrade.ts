import type { Payload } from 'payload'
import {
  ARTICLES_SLUG,
  AUTHORS_SLUG,
  CATEGORIES_SLUG,
  COUNTER_WIDGETS_SLUG,
  RATE_LIMIT_HITS_SLUG,
  SITE_FIELD,
  SOURCES_SLUG,
  USER_SITES_FIELD,
  VISIT_COUNTS_SLUG,
  VISIT_SESSIONS_SLUG,
} from '../../core/constants.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { ensureDefaultSite } from './defaultSite.js'
import { loadSites } from './registry.js'

/** Set once a MongoDB database has been moved onto sites: later starts skip the upgrade. */
export const SITES_UPGRADE_MARK = 'news-portal:sites-upgrade'

/** The part of a mongoose model the upgrade uses (Payload's `payload.db.collections[slug]`). */
export interface MongoModel {
  updateMany: (filter: object, update: object) => Promise<unknown>
  createIndexes: () => Promise<unknown>
  collection: {
    updateMany: (filter: object, update: object | object[]) => Promise<unknown>
    deleteMany: (filter: object) => Promise<unknown>
    indexes: () => Promise<Array<{ name?: string; key: Record<string, unknown>; unique?: boolean }>>
    dropIndex: (name: string) => Promise<unknown>
  }
}

interface MongoAdapter {
  name: string
  collections: Record<string, MongoModel>
  versions: Record<string, MongoModel>
}

/** Collections whose slug was unique on its own before sites: the compound (site, slug) replaces it. */
const SLUGGED = [ARTICLES_SLUG, CATEGORIES_SLUG, AUTHORS_SLUG, SOURCES_SLUG, COUNTER_WIDGETS_SLUG]

/**
 * MongoDB has no migrations here: at start-up (before anything is read) a database from before
 * sites gets the SQL migration's data steps. The default site holds every article (and version),
 * category and counter widget; counter keys and session scopes take its prefix; rate-limit windows
 * (one minute long) are emptied; every user of the admin's collection gets the site; the unique
 * `slug_1` indexes give way to (site, slug). Each step is idempotent, and the mark is set only
 * after all of them, so an interrupted upgrade resumes at the next start.
 */
export async function upgradeMongoToSites(
  payload: Payload,
  options: Pick<ResolvedNewsPortalOptions, 'siteName' | 'siteUrl' | 'timeZone'>,
): Promise<void> {
  if (payload.db.name !== 'mongoose') return
  if (await payload.kv.get(SITES_UPGRADE_MARK)) return
  await ensureDefaultSite(payload, options)
  const site = (await loadSites(payload)).defaultSite
  if (!site) throw new Error('The sites upgrade found no default site after creating it.')
  await moveMongoContentToSite(payload.db as unknown as MongoAdapter, site.id, payload)
  await payload.kv.set(SITES_UPGRADE_MARK, { site: String(site.id), at: new Date().toISOString() })
  payload.logger.info(`Sites: existing content moved to the default site "${site.slug}".`)
}

async function moveMongoContentToSite(
  db: MongoAdapter,
  siteId: string | number,
  payload: Payload,
): Promise<void> {
  // Mongoose casts the id to an ObjectId by the schema; `null` matches a missing field too.
  for (const slug of [ARTICLES_SLUG, CATEGORIES_SLUG, COUNTER_WIDGETS_SLUG])
    await db.collections[slug].updateMany(
      { [SITE_FIELD]: null },
      { $set: { [SITE_FIELD]: siteId } },
    )
  await db.versions[ARTICLES_SLUG].updateMany(
    { [`version.${SITE_FIELD}`]: null },
    { $set: { [`version.${SITE_FIELD}`]: siteId } },
  )

  const prefix = `site:${String(siteId)}:`
  const unprefixed = { key: { $not: /^site:/ } }
  await db.collections[VISIT_COUNTS_SLUG].collection.updateMany(unprefixed, [
    { $set: { key: { $concat: [prefix, '$key'] } } },
  ])
  await db.collections[VISIT_SESSIONS_SLUG].collection.updateMany(unprefixed, [
    { $set: { key: { $concat: [prefix, '$key'] }, scope: { $concat: [prefix, '$scope'] } } },
  ])
  await db.collections[RATE_LIMIT_HITS_SLUG].collection.deleteMany({})

  await db.collections[payload.config.admin.user].updateMany(
    { $or: [{ [USER_SITES_FIELD]: { $exists: false } }, { [USER_SITES_FIELD]: { $size: 0 } }] },
    { $set: { [USER_SITES_FIELD]: [siteId] } },
  )

  for (const slug of SLUGGED) {
    const model = db.collections[slug]
    for (const index of await model.collection.indexes()) {
      const keys = Object.keys(index.key)
      if (index.unique && index.name && keys.length === 1 && keys[0] === 'slug')
        await model.collection.dropIndex(index.name)
    }
    await model.createIndexes()
  }
}

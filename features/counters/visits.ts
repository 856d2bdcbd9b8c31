import { isbot } from 'isbot'
import type { Payload } from 'payload'
import { isMalformedIdError } from '../../core/database.js'
import { PortalError } from '../../core/errors.js'
import { idOf, storedId, type Id } from '../../core/ids.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { publicArticleWhere } from '../content/publicWhere.js'
import { loadBaseline } from './baseline.js'
import { zonedKeys } from './time.js'
import { addHits } from './batch.js'
import { visibleWrites } from './freshness.js'
import { countKeys, countSessionsSince, readCounts, startsNewWindow } from './store.js'
import { ARTICLES_SLUG, SITE_FIELD } from '../../core/constants.js'
import { cacheKeyOf, onSite, siteTimeZone, type CounterSite, type SiteRef } from './siteScope.js'

export interface VisitorStats {
  online: number
  today: number
  thisMonth: number
  lastMonth: number
  total: number
  /** When these figures were read (ISO). */
  updatedAt: string
}

export interface VisitInput {
  session: unknown
  path?: unknown
  article?: unknown
  userAgent?: string | null
}

export interface VisitResult {
  /** Whether this hit counted as a new visit (false for bots and sessions still active). */
  counted: boolean
  /** Whether it counted as a new view of the article. */
  viewCounted: boolean
  stats: () => Promise<VisitorStats>
}

const SESSION_PATTERN = /^[\w.:-]{8,128}$/

/** A public article of the visit's site: its id, and the site its views are counted under. */
type VisitedArticle = { id: Id; site: SiteRef }

/** Checks a visit's input; throws `VALIDATION` naming the first bad field, and writes nothing. */
async function validate(payload: Payload, site: CounterSite, input: VisitInput, now: Date) {
  const { session, path, article } = input
  const refuse = (field: string, message: string) =>
    new PortalError('VALIDATION', message, { field })
  if (typeof session !== 'string' || !SESSION_PATTERN.test(session)) {
    throw refuse(
      'session',
      'session must be 8–128 characters of letters, digits, ".", ":", "_" or "-".',
    )
  }
  if (path !== undefined && path !== null && (typeof path !== 'string' || path.length > 2048)) {
    throw refuse('path', 'path must be a string of at most 2048 characters.')
  }
  let visited: VisitedArticle | null = null
  if (article !== undefined && article !== null && article !== '') {
    visited = await findPublicArticle(payload, site, article, now)
    if (visited === null) throw refuse('article', 'article must be the id of a published article.')
  }
  return { session, visited }
}

/** The public article of `site` that `article` names, or `null` when it names none. */
async function findPublicArticle(
  payload: Payload,
  site: CounterSite,
  article: unknown,
  now: Date,
): Promise<VisitedArticle | null> {
  if ((typeof article !== 'string' && typeof article !== 'number') || String(article).length > 64)
    return null
  const id = storedId(payload, ARTICLES_SLUG, article)
  if (id === undefined) return null
  try {
    const { docs } = await payload.find({
      collection: ARTICLES_SLUG as never,
      where: { and: [{ id: { equals: id } }, publicArticleWhere(now), ...onSite(site)] },
      limit: 1,
      depth: 0,
      pagination: false,
      select: { id: true, [SITE_FIELD]: true } as never,
      // site-scope: scoped by onSite(site), the request's site.
      overrideAccess: true,
    })
    const found = docs[0] as { id?: unknown; site?: unknown } | undefined
    const foundId = idOf(found)
    if (foundId === undefined) return null
    const foundSite = idOf(found?.site)
    return { id: foundId, site: foundSite === undefined ? null : { id: foundSite } }
  } catch (error) {
    // A malformed id (for example not an ObjectId on MongoDB) names no article.
    if (isMalformedIdError(error)) return null
    throw error
  }
}

/**
 * Records one hit on `site`: a site visit once per session per idle window, and a view of one of
 * its articles once per session per article per idle window. Bots count nothing.
 */
export async function recordVisit(
  payload: Payload,
  options: ResolvedNewsPortalOptions,
  site: CounterSite,
  input: VisitInput,
): Promise<VisitResult> {
  const { now: clock, sessionIdleMinutes, onlineWindowMinutes } = options.counters
  const now = clock()
  const { session, visited } = await validate(payload, site, input, now)
  const stats = () => visitorStats(payload, options, site, now)
  if (input.userAgent && isbot(input.userAgent))
    return { counted: false, viewCounted: false, stats }

  const idleMs = sessionIdleMinutes * 60_000
  const keys = zonedKeys(now, siteTimeZone(site, options))
  const visit = async () => {
    if (
      !(await startsNewWindow(payload, {
        site,
        key: `visit:${session}`,
        kind: 'visit',
        now,
        idleMs,
        onlineMs: onlineWindowMinutes * 60_000,
      }))
    )
      return false
    await addHits(payload, site, [
      countKeys.day(site, keys.day),
      countKeys.month(site, keys.month),
      countKeys.total(site),
    ])
    return true
  }
  // Views go under the article's own site: `Article.views` reads them from the article alone.
  const view = async () => {
    if (visited === null) return false
    if (
      !(await startsNewWindow(payload, {
        site: visited.site,
        key: `view:${visited.id}:${session}`,
        kind: 'view',
        now,
        idleMs,
      }))
    )
      return false
    await addHits(payload, visited.site, [countKeys.article(visited.site, visited.id)])
    return true
  }
  const [counted, viewCounted] = await Promise.all([visit(), view()])
  return { counted, viewCounted, stats }
}

type SharedRead = { second: string; writes: string; stats: Promise<VisitorStats> }
// Per config (every Payload instance of one deployment), per site: the last read, for sharing.
const lastReads = new WeakMap<object, Map<string, SharedRead>>()

/**
 * The visitor counter of `site` at `now`: its live counts plus its baseline. A read is shared by
 * the callers asking for the same site within the same second (of `now`) as long as no write that
 * changes its figures has completed since it started, so every caller sees every hit
 * acknowledged before it asked.
 */
export function visitorStats(
  payload: Payload,
  options: ResolvedNewsPortalOptions,
  site: CounterSite,
  now: Date = options.counters.now(),
): Promise<VisitorStats> {
  const second = String(Math.floor(now.getTime() / 1000))
  const writes = visibleWrites(payload, site)
  let reads = lastReads.get(payload.config)
  if (!reads) lastReads.set(payload.config, (reads = new Map()))
  const key = cacheKeyOf(site)
  const last = reads.get(key)
  if (last && last.second === second && last.writes === writes) return last.stats
  const stats = readVisitorStats(payload, options, site, now)
  const entry = { second, writes, stats }
  reads.set(key, entry)
  // Not a swallow: callers get the rejection; a failed read is only not shared with later ones.
  stats.catch(() => reads.get(key) === entry && reads.delete(key))
  return stats
}

async function readVisitorStats(
  payload: Payload,
  options: ResolvedNewsPortalOptions,
  site: CounterSite,
  now: Date,
): Promise<VisitorStats> {
  const keys = zonedKeys(now, siteTimeZone(site, options))
  const total = countKeys.total(site)
  const day = countKeys.day(site, keys.day)
  const month = countKeys.month(site, keys.month)
  const previous = countKeys.month(site, keys.previousMonth)
  const since = new Date(now.getTime() - options.counters.onlineWindowMinutes * 60_000)
  const [counts, online, baseline] = await Promise.all([
    readCounts(payload, [total, day, month, previous]),
    countSessionsSince(payload, site, 'visit', since),
    loadBaseline(payload, site),
  ])
  return {
    online,
    today: counts.get(day)! + (baseline.day === keys.day ? baseline.dayVisits : 0),
    thisMonth: counts.get(month)! + (baseline.months.get(keys.month) ?? 0),
    lastMonth: counts.get(previous)! + (baseline.months.get(keys.previousMonth) ?? 0),
    total: counts.get(total)! + baseline.total,
    updatedAt: now.toISOString(),
  }
}

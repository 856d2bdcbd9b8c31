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
import { ARTICLES_SLUG } from '../../core/constants.js'

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

/** Checks a visit's input; throws `VALIDATION` naming the first bad field, and writes nothing. */
async function validate(payload: Payload, input: VisitInput, now: Date) {
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
  let articleId: Id | null = null
  if (article !== undefined && article !== null && article !== '') {
    articleId = await findPublicArticle(payload, article, now)
    if (articleId === null)
      throw refuse('article', 'article must be the id of a published article.')
  }
  return { session, articleId }
}

/** The id of the public article `article` names, or `null` when it names none. */
async function findPublicArticle(
  payload: Payload,
  article: unknown,
  now: Date,
): Promise<Id | null> {
  if ((typeof article !== 'string' && typeof article !== 'number') || String(article).length > 64)
    return null
  const id = storedId(payload, ARTICLES_SLUG, article)
  if (id === undefined) return null
  try {
    const { docs } = await payload.find({
      collection: ARTICLES_SLUG as never,
      where: { and: [{ id: { equals: id } }, publicArticleWhere(now)] },
      limit: 1,
      depth: 0,
      pagination: false,
      select: { id: true } as never,
      overrideAccess: true,
    })
    return idOf(docs[0]) ?? null
  } catch (error) {
    // A malformed id (for example not an ObjectId on MongoDB) names no article.
    if (isMalformedIdError(error)) return null
    throw error
  }
}

/**
 * Records one hit: a site visit once per session per idle window, and an article view once per
 * session per article per idle window. Bots count nothing.
 */
export async function recordVisit(
  payload: Payload,
  options: ResolvedNewsPortalOptions,
  input: VisitInput,
): Promise<VisitResult> {
  const { now: clock, sessionIdleMinutes, onlineWindowMinutes } = options.counters
  const now = clock()
  const { session, articleId } = await validate(payload, input, now)
  const stats = () => visitorStats(payload, options, now)
  if (input.userAgent && isbot(input.userAgent))
    return { counted: false, viewCounted: false, stats }

  const idleMs = sessionIdleMinutes * 60_000
  const keys = zonedKeys(now, options.timeZone)
  const visit = async () => {
    if (
      !(await startsNewWindow(payload, {
        key: `visit:${session}`,
        scope: 'visit',
        now,
        idleMs,
        onlineMs: onlineWindowMinutes * 60_000,
      }))
    )
      return false
    await addHits(payload, [countKeys.day(keys.day), countKeys.month(keys.month), countKeys.total])
    return true
  }
  const view = async () => {
    if (articleId === null) return false
    if (
      !(await startsNewWindow(payload, {
        key: `view:${articleId}:${session}`,
        scope: 'view',
        now,
        idleMs,
      }))
    )
      return false
    await addHits(payload, [countKeys.article(articleId)])
    return true
  }
  const [counted, viewCounted] = await Promise.all([visit(), view()])
  return { counted, viewCounted, stats }
}

const lastRead = new WeakMap<
  object,
  { key: string; writes: number; stats: Promise<VisitorStats> }
>()

/**
 * The visitor counter's figures at `now`: live counts plus the baseline. A read is shared by the
 * callers asking within the same second (of `now`) as long as no write that changes the figures
 * has completed since it started, so every caller sees every hit acknowledged before it asked.
 */
export function visitorStats(
  payload: Payload,
  options: ResolvedNewsPortalOptions,
  now: Date = options.counters.now(),
): Promise<VisitorStats> {
  const key = String(Math.floor(now.getTime() / 1000))
  const writes = visibleWrites(payload)
  const last = lastRead.get(payload.config)
  if (last && last.key === key && last.writes === writes) return last.stats
  const stats = readVisitorStats(payload, options, now)
  const entry = { key, writes, stats }
  lastRead.set(payload.config, entry)
  // Not a swallow: callers get the rejection; a failed read is only not shared with later ones.
  stats.catch(() => lastRead.get(payload.config) === entry && lastRead.delete(payload.config))
  return stats
}

async function readVisitorStats(
  payload: Payload,
  options: ResolvedNewsPortalOptions,
  now: Date,
): Promise<VisitorStats> {
  const keys = zonedKeys(now, options.timeZone)
  const day = countKeys.day(keys.day)
  const month = countKeys.month(keys.month)
  const previous = countKeys.month(keys.previousMonth)
  const since = new Date(now.getTime() - options.counters.onlineWindowMinutes * 60_000)
  const [counts, online, baseline] = await Promise.all([
    readCounts(payload, [countKeys.total, day, month, previous]),
    countSessionsSince(payload, 'visit', since),
    loadBaseline(payload),
  ])
  return {
    online,
    today: counts.get(day)! + (baseline.day === keys.day ? baseline.dayVisits : 0),
    thisMonth: counts.get(month)! + (baseline.months.get(keys.month) ?? 0),
    lastMonth: counts.get(previous)! + (baseline.months.get(keys.previousMonth) ?? 0),
    total: counts.get(countKeys.total)! + baseline.total,
    updatedAt: now.toISOString(),
  }
}

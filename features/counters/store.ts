import type { CollectionSlug, Payload, PayloadRequest } from 'payload'
import { perOwner } from '../../core/batch.js'
import { incrementRow, isUniqueViolation, retryWhileBusy } from '../../core/database.js'
import { visibleWriteDone } from './freshness.js'
import { VISIT_COUNTS_SLUG, VISIT_SESSIONS_SLUG } from '../../core/constants.js'
import type { Id } from '../../core/ids.js'
import { siteKey } from '../sites/keys.js'
import type { SiteRef } from './siteScope.js'

/** Day, month, total and per-article counts: one row per key, changed only by `$inc`. */
export const COUNTS = VISIT_COUNTS_SLUG as CollectionSlug
/** One row per (session, scope): when that session was last seen there. */
export const SESSIONS = VISIT_SESSIONS_SLUG as CollectionSlug

/** The count keys of a site (`site:<id>:day:2031-03-15`); an article's are those of its own site. */
export const countKeys = {
  total: (site: SiteRef) => siteKey(site, 'total'),
  day: (site: SiteRef, day: string) => siteKey(site, `day:${day}`),
  month: (site: SiteRef, month: string) => siteKey(site, `month:${month}`),
  article: (site: SiteRef, id: Id) => siteKey(site, `article:${id}`),
}

/** Adds `by` to the count under `key`, creating the row when it is new. Returns the new count. */
export async function increment(payload: Payload, key: string, by = 1): Promise<number> {
  // site-scope: `key` carries the site's prefix (countKeys).
  const row = await incrementRow(payload, {
    collection: COUNTS,
    where: { key: { equals: key } },
    inc: { hits: by },
    create: { key, hits: by },
    uniqueField: 'key',
  })
  return Number(row!.hits)
}

/** Reads the counts under `keys` (missing keys read as 0). */
export async function readCounts(payload: Payload, keys: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>(keys.map((key) => [key, 0]))
  if (!keys.length) return counts
  // site-scope: the keys carry their site's prefix (countKeys).
  const { docs } = await payload.db.find({
    collection: COUNTS,
    where: { key: { in: keys } },
    limit: keys.length,
    pagination: false,
  })
  for (const doc of docs as unknown as Array<{ key: string; hits: number }>)
    counts.set(doc.key, Number(doc.hits) || 0)
  return counts
}

/** A session row is a site visit (`visit`) or a view of one article (`view`). */
export type SessionKind = 'visit' | 'view'

/** The `scope` of a site's session rows (`site:<id>:visit`): "online" counts one scope by `lastSeenAt`. */
export const sessionScope = (site: SiteRef, kind: SessionKind) => siteKey(site, kind)

// Sessions this process saw lately: a hint for which statement to try first, never a decision.
const recentlySeen = perOwner((_payload: Payload) => new Map<string, true>())
const RECENT_LIMIT = 50_000

function seenHere(payload: Payload, key: string): boolean {
  const seen = recentlySeen(payload)
  const known = seen.delete(key)
  seen.set(key, true)
  if (seen.size > RECENT_LIMIT) seen.delete(seen.keys().next().value as string)
  return known
}

/**
 * Marks the session `key` (`visit:<session>`, `view:<article>:<session>`) of `site` as seen at
 * `now` and says whether this hit starts a new window (counts).
 * Exact under concurrency on every adapter: each step is one conditional statement, and exactly
 * one of any number of simultaneous requests can win the conditional update of an idle row or
 * the insert under the unique key; the others find the row active on their next step.
 */
export async function startsNewWindow(
  payload: Payload,
  {
    site,
    key: sessionKey,
    kind,
    now,
    idleMs,
    onlineMs,
  }: {
    site: SiteRef
    key: string
    kind: SessionKind
    now: Date
    idleMs: number
    onlineMs?: number
  },
): Promise<boolean> {
  const key = siteKey(site, sessionKey)
  const scope = sessionScope(site, kind)
  const seenAt = now.toISOString()
  const cutoff = new Date(now.getTime() - idleMs).toISOString()
  const conditional = (lastSeenAt: Record<string, string>) =>
    retryWhileBusy(() =>
      // site-scope: `key` carries the site's prefix.
      payload.db.updateOne({
        collection: SESSIONS,
        where: { and: [{ key: { equals: key } }, { lastSeenAt }] },
        data: { lastSeenAt: seenAt },
        options: { atomic: true },
      }),
    )
  const insert = async () => {
    try {
      await retryWhileBusy(() =>
        // site-scope: `key` and `scope` carry the site's prefix.
        payload.db.create({
          collection: SESSIONS,
          data: { key, scope, lastSeenAt: seenAt },
          returning: false,
        }),
      )
      return true
    } catch (error) {
      if (!isUniqueViolation(error, 'key')) throw error
      return false
    }
  }
  // A session this process has not seen is most likely new: one insert settles it.
  if (!seenHere(payload, key) && (await insert())) return true
  const onlineCutoff =
    onlineMs === undefined ? null : new Date(now.getTime() - onlineMs).toISOString()
  for (let round = 0; round < 5; round++) {
    // 1. Active within the idle window: slide the window, count nothing. (Seen within the online
    //    window too: `online` does not change either; otherwise it just came back online.)
    if (
      onlineCutoff &&
      onlineCutoff > cutoff &&
      (await conditional({ greater_than_equal: onlineCutoff }))
    )
      return false
    if (await conditional({ greater_than_equal: cutoff })) {
      if (onlineCutoff) visibleWriteDone(payload, site)
      return false
    }
    // 2. Idle for longer: only one concurrent request can move lastSeenAt past the cutoff.
    if (await conditional({ less_than: cutoff })) return true
    // 3. Never seen (or pruned meanwhile): only one concurrent request can insert the key.
    if (await insert()) return true
  }
  throw new Error(`${SESSIONS}: could not record the session "${key}".`)
}

/** Distinct sessions of `kind` on `site` seen at or after `since`. */
export async function countSessionsSince(
  payload: Payload,
  site: SiteRef,
  kind: SessionKind,
  since: Date,
): Promise<number> {
  const scope = sessionScope(site, kind)
  // site-scope: `scope` is the site's (`site:<id>:visit`).
  const { totalDocs } = await payload.db.count({
    collection: SESSIONS,
    where: {
      and: [
        { scope: { equals: scope } },
        { lastSeenAt: { greater_than_equal: since.toISOString() } },
      ],
    },
  })
  return totalDocs
}

/** Rows per prune statement: a write waiting on SQLite's lock waits for one chunk, not the whole prune. */
const PRUNE_CHUNK = 1000

/**
 * Deletes session rows last seen before `before` (they would count again anyway), a chunk of ids
 * at a time: at the ceiling one statement took 8 s on SQLite, holding every other write back.
 */
export async function pruneSessions(payload: Payload, before: Date): Promise<void> {
  for (;;) {
    // site-scope: stale rows of every site go alike; they would count again anyway.
    const { docs } = await payload.db.find({
      collection: SESSIONS,
      where: { lastSeenAt: { less_than: before.toISOString() } },
      select: { id: true },
      limit: PRUNE_CHUNK,
      pagination: false,
    })
    const ids = (docs as unknown as Array<{ id: Id }>).map((doc) => doc.id)
    if (!ids.length) break
    await retryWhileBusy(() =>
      // site-scope: the stale rows found above, by their ids.
      payload.db.deleteMany({ collection: SESSIONS, where: { id: { in: ids } } }),
    )
    if (ids.length < PRUNE_CHUNK) break
    // libsql runs SQLite on the event loop: let waiting requests in between chunks.
    await new Promise((resolve) => setImmediate(resolve))
  }
  visibleWriteDone(payload)
}

/** Ids per delete statement (well under SQLite's and PostgreSQL's bound-parameter limits). */
const DELETE_CHUNK = 1000

/** Matches `key` and the same key of any site (`site:<id>:key…`), and nothing else. */
const anySite = (key: string, { prefix }: { prefix: boolean }) =>
  new RegExp(`^(site:[^:]+:)?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${prefix ? '' : '$'}`)

/**
 * Deletes an article's view count (`[site:<id>:]article:<id>`) and its view sessions
 * (`[site:<id>:]view:<id>:<session>`), under whichever site they were counted: article ids are
 * unique across sites. Exactly: a session id may itself contain `view:<id>:`, so candidates found
 * by `contains` are checked against the whole key.
 */
export async function deleteArticleViews(
  payload: Payload,
  article: string | number,
  req?: PayloadRequest,
): Promise<void> {
  const idsOf = async (collection: CollectionSlug, part: string, exact: RegExp) => {
    // site-scope: found by the article's id, unique across sites, under every site's prefix.
    const { docs } = await payload.db.find({
      collection,
      where: { key: { contains: part } },
      select: { key: true },
      limit: 0,
      pagination: false,
      req,
    })
    return (docs as unknown as Array<{ id: Id; key: string }>)
      .filter((doc) => exact.test(doc.key))
      .map((doc) => doc.id)
  }
  const countKey = `article:${article}`
  const sessionPrefix = `view:${article}:`
  for (const [collection, ids] of [
    [COUNTS, await idsOf(COUNTS, countKey, anySite(countKey, { prefix: false }))],
    [SESSIONS, await idsOf(SESSIONS, sessionPrefix, anySite(sessionPrefix, { prefix: true }))],
  ] as const) {
    for (let start = 0; start < ids.length; start += DELETE_CHUNK) {
      const chunk = ids.slice(start, start + DELETE_CHUNK)
      await retryWhileBusy(() =>
        // site-scope: the rows of this article found above, by their ids.
        payload.db.deleteMany({ collection, where: { id: { in: chunk } }, req }),
      )
    }
  }
}

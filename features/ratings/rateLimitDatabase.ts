import type { CollectionSlug, Payload } from 'payload'
import { incrementRow, retryWhileBusy } from '../../core/database.js'
import type { RateLimitDecision, RateLimitStore } from './rateLimit.js'
import { RATE_LIMIT_HITS_SLUG } from '../../core/constants.js'

const HITS = RATE_LIMIT_HITS_SLUG as CollectionSlug

/**
 * A rate-limit store in the site's own database, shared by every instance that uses it: fixed
 * windows of `windowMs`, one row per (key, window) in `rate-limit-hits`, counted with one atomic
 * `$inc` (`UPDATE … SET hits = hits + 1 … RETURNING` on SQL, `findOneAndUpdate` on MongoDB).
 * The n-th hit of a window reads back n, so exactly `limit` hits of a window are allowed, however
 * many instances send them at once. A window's first hit creates the row; when two create it at
 * once, the unique index refuses one and that one increments instead. Rows of ended windows are
 * deleted now and then (at most once per window per process, in the background).
 */
export class DatabaseRateLimitStore implements RateLimitStore {
  private lastPrune = 0

  constructor(private readonly now: () => number = Date.now) {}

  async hit(
    key: string,
    limit: number,
    windowMs: number,
    payload?: Payload,
  ): Promise<RateLimitDecision> {
    if (!payload)
      throw new Error(
        'DatabaseRateLimitStore: hit() needs the Payload instance (the plugin passes it).',
      )
    const now = this.now()
    const windowStart = Math.floor(now / windowMs) * windowMs
    const windowEnd = windowStart + windowMs
    const hits = await this.increment(payload, `${key}@${windowStart}`, new Date(windowEnd))
    if (now - this.lastPrune >= windowMs) {
      this.lastPrune = now
      // In the background: a failed prune leaves old rows for the next one, and is logged.
      void this.prune(payload, new Date(windowStart)).catch((err) => {
        payload.logger.error({ err, msg: `${HITS}: pruning old windows failed.` })
      })
    }
    if (hits <= limit) return { allowed: true, retryAfter: 0 }
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((windowEnd - now) / 1000)) }
  }

  /** Adds one to the row `bucket` (creating it when new) and returns its new count. */
  private async increment(payload: Payload, bucket: string, expiresAt: Date): Promise<number> {
    // site-scope: `bucket` starts with the site's prefix (the limiters key by siteKey).
    const row = await incrementRow(payload, {
      collection: HITS,
      where: { key: { equals: bucket } },
      inc: { hits: 1 },
      create: { key: bucket, hits: 1, expiresAt: expiresAt.toISOString() },
      uniqueField: 'key',
    })
    return Number(row!.hits)
  }

  /** Deletes the rows of windows that ended before `before`. */
  async prune(payload: Payload, before: Date): Promise<void> {
    await retryWhileBusy(() =>
      // site-scope: ended windows of every site go alike.
      payload.db.deleteMany({
        collection: HITS,
        where: { expiresAt: { less_than_equal: before.toISOString() } },
      }),
    )
  }
}

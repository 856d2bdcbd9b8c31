import type { Payload } from 'payload'

/** What a rate limiter answers for one attempt. */
export interface RateLimitDecision {
  allowed: boolean
  /** Whole seconds until the next attempt would be allowed (0 when allowed). */
  retryAfter: number
}

/**
 * Where vote attempts are counted. The default keeps them in this process's memory; several
 * instances behind a load balancer need a shared store (Redis, the database, …) with the same
 * contract: count this attempt under `key` and say whether it is within `limit` per `windowMs`.
 * The plugin also passes the Payload instance (the database store uses it; others may ignore it).
 */
export interface RateLimitStore {
  hit(key: string, limit: number, windowMs: number, payload?: Payload): Promise<RateLimitDecision> | RateLimitDecision
}

/**
 * A sliding-log limiter in memory: each key keeps the times of its recent accepted attempts
 * (at most `limit` of them), so a burst at a window edge cannot double the rate.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly hits = new Map<string, number[]>()
  private calls = 0

  constructor(private readonly now: () => number = Date.now) {}

  hit(key: string, limit: number, windowMs: number): RateLimitDecision {
    const now = this.now()
    if (++this.calls % 1000 === 0) this.sweep(now, windowMs)
    const since = now - windowMs
    const times = (this.hits.get(key) ?? []).filter((time) => time > since)
    if (times.length >= limit) {
      this.hits.set(key, times)
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((times[0] + windowMs - now) / 1000)) }
    }
    times.push(now)
    this.hits.set(key, times)
    return { allowed: true, retryAfter: 0 }
  }

  /** Forgets keys whose attempts are all older than the window, so memory follows active clients only. */
  private sweep(now: number, windowMs: number): void {
    for (const [key, times] of this.hits) {
      if (times[times.length - 1] <= now - windowMs) this.hits.delete(key)
    }
  }
}

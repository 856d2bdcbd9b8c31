import type { RateLimitDecision, RateLimitStore } from '../../core/types.js'

export type { RateLimitDecision, RateLimitStore }

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
      return {
        allowed: false,
        retryAfter: Math.max(1, Math.ceil((times[0] + windowMs - now) / 1000)),
      }
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

/** The vote log: one row per accepted vote. */
export const RATINGS_SLUG = 'ratings'
/** One unversioned row per rated article: running total and count, changed only by `$inc`. */
export const RATING_SUMMARIES_SLUG = 'rating-summaries'
/** The database rate-limit store: one row per (client key, window), changed only by `$inc`. */
export const RATE_LIMIT_HITS_SLUG = 'rate-limit-hits'

/** The vote log: one row per accepted vote. */
export const RATINGS_SLUG = 'ratings'
/** One unversioned row per rated article: running total and count, changed only by `$inc`. */
export const RATING_SUMMARIES_SLUG = 'rating-summaries'

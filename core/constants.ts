/** The vote log: one row per accepted vote. */
export const RATINGS_SLUG = 'ratings'
/** One unversioned row per rated article: running total and count, changed only by `$inc`. */
export const RATING_SUMMARIES_SLUG = 'rating-summaries'
/** The database rate-limit store: one row per (client key, window), changed only by `$inc`. */
export const RATE_LIMIT_HITS_SLUG = 'rate-limit-hits'

/** The plugin's npm package name: admin components are referenced through it, so any app's import map resolves them. */
export const PACKAGE_NAME = 'payload-plugin-news-portal'

/** Import-map paths of the plugin's admin components (`<package>/client#Name`, `<package>/rsc#Name`). */
export const componentPaths = {
  slugField: `${PACKAGE_NAME}/client#SlugField`,
  ratingCell: `${PACKAGE_NAME}/client#RatingCell`,
  viewsCell: `${PACKAGE_NAME}/client#ViewsCell`,
  recomputeRatingsButton: `${PACKAGE_NAME}/client#RecomputeRatingsButton`,
  countersDashboard: `${PACKAGE_NAME}/rsc#CountersDashboard`,
} as const

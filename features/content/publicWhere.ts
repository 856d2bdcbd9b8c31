import type { Where } from 'payload'

/**
 * What the public may read of articles: published, `publishedAt` not in the future and
 * `expiresAt` not in the past. `prefix` is `'version.'` when querying the versions table.
 */
export function publicArticleWhere(now: Date = new Date(), prefix = ''): Where {
  const iso = now.toISOString()
  return {
    and: [
      { [`${prefix}_status`]: { equals: 'published' } },
      { [`${prefix}publishedAt`]: { less_than_equal: iso } },
      {
        or: [
          { [`${prefix}expiresAt`]: { exists: false } },
          { [`${prefix}expiresAt`]: { greater_than: iso } },
        ],
      },
    ],
  }
}

import type { PayloadRequest } from 'payload'
import type { FeedParam } from '../feed/params.js'

/** `?page=N` of `/api/sitemap.xml`: absent (the sitemap, or its index), or a whole number from 1. */
export function sitemapPage(req: PayloadRequest): FeedParam<number | undefined> {
  const given = req.searchParams.getAll('page')
  if (given.length > 1) return { error: 'page must be given once.' }
  if (given.length === 0 || given[0] === '') return { value: undefined }
  if (!/^[1-9][0-9]{0,8}$/.test(given[0]))
    return { error: 'page must be a whole number of at least 1.' }
  return { value: Number(given[0]) }
}

import { PortalError } from '../../core/errors.js'
import { searchTerms } from './terms.js'

/** The longest `q` searched: a reader's question, never a document. */
export const MAX_QUERY_LENGTH = 200
/** Articles per page when `limit` is not given. */
export const DEFAULT_SEARCH_LIMIT = 10

export interface SearchArgs {
  q: string
  category?: string | null
  page?: number | null
  limit?: number | null
}

export interface CheckedSearch {
  /** Folded words of `q`; empty when it holds none (only punctuation or operators): no match. */
  terms: string[]
  category: string | null
  page: number
  limit: number
}

const invalid = (field: string, message: string) =>
  new PortalError('VALIDATION', message, { field })

/** Refuses a blank or overlong `q`, an odd `page` or a `limit` past the public cap, naming it. */
export function checkSearchArgs(args: SearchArgs, maxLimit: number): CheckedSearch {
  const q = typeof args.q === 'string' ? args.q : ''
  if (!q.trim()) throw invalid('q', 'q must not be empty.')
  if (q.length > MAX_QUERY_LENGTH)
    throw invalid('q', `q must be at most ${MAX_QUERY_LENGTH} characters; got ${q.length}.`)
  // Tabs and line breaks are spaces to a search box; NUL and other control characters are not text.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(q))
    throw invalid('q', 'q must not contain control characters.')
  const page = args.page ?? 1
  if (!Number.isInteger(page) || page < 1)
    throw invalid('page', `page must be an integer of at least 1; got ${page}.`)
  const limit = args.limit ?? DEFAULT_SEARCH_LIMIT
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
    throw invalid('limit', `limit must be an integer from 1 to ${maxLimit}; got ${limit}.`)
  const category = args.category?.trim() || null
  // eslint-disable-next-line no-control-regex
  if (category && (category.length > MAX_QUERY_LENGTH || /[\u0000-\u001f\u007f]/.test(category)))
    throw invalid(
      'category',
      `category must be a slug of at most ${MAX_QUERY_LENGTH} characters, without control characters.`,
    )
  return { terms: searchTerms(q), category, page, limit }
}

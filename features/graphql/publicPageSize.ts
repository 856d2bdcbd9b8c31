import type { CollectionBeforeOperationHook } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { rejectOddPaging, rejectPageBeyondCount } from './listPaging.js'

/** Payload's page size when a find names no limit. */
export const PAYLOAD_DEFAULT_LIMIT = 10

const isPositiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0

/** Whether a find asks for every document: `limit: 0` (or a nonsense limit), or no limit without pagination. */
function asksForAll(limit: unknown, pagination: unknown): boolean {
  if (limit === undefined || limit === null) return pagination === false
  return !isPositiveInteger(limit)
}

/** The rows a public find may return: its limit up to `max`; `max` for "every document". */
export function publicRows(limit: unknown, pagination: unknown, max: number): number {
  if (asksForAll(limit, pagination)) return max
  return Math.min(isPositiveInteger(limit) ? limit : PAYLOAD_DEFAULT_LIMIT, max)
}

/** A read's arguments with a public list capped at `max` rows (see capPublicPageSize). */
function capped<Args extends object>(args: Args, max: number): Args {
  const find = args as { limit?: unknown; pagination?: unknown }
  if (asksForAll(find.limit, find.pagination)) return { ...args, limit: max, pagination: true }
  const rows = publicRows(find.limit, find.pagination, max)
  return rows === (find.limit ?? PAYLOAD_DEFAULT_LIMIT) ? args : { ...args, limit: rows }
}

/**
 * Refuses odd paging (a negative or fractional limit, a page below 1 or past what the answer can
 * number) with a 400 naming `limit` or `page`, for everyone: the database would fail on it.
 * Then caps a public list (a REST or GraphQL find by anyone but an editor) at
 * `maxPublicPageSize` rows. "Every document" (`limit: 0`, or `pagination: false` with no limit)
 * becomes one full, paginated page, so the answer still says how many there are. Editors,
 * `overrideAccess` calls and the relationship loader (its finds carry `currentDepth` and are
 * bounded by the capped page that asked) keep Payload's behaviour.
 */
export const capPublicPageSize =
  (options: ResolvedNewsPortalOptions): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    if (operation !== 'read') return args
    // findByID and findVersionByID read one document.
    if ('id' in args && args.id !== undefined) return args
    const find = args as {
      currentDepth?: unknown
      limit?: unknown
      page?: unknown
      pagination?: unknown
    }
    rejectOddPaging(find.limit, find.page)
    const isPublic =
      !args.overrideAccess &&
      !options.isEditor(req.user, req) &&
      typeof find.currentDepth !== 'number'
    const result = isPublic ? capped(args, options.maxPublicPageSize) : args
    const { limit, pagination } = result as { limit?: unknown; pagination?: unknown }
    // Without pagination, no limit is every row: no page to number.
    const rows =
      typeof limit === 'number' ? limit : pagination === false ? 0 : PAYLOAD_DEFAULT_LIMIT
    // GraphQL returns pagingCounter as an Int only when the list is paginated.
    rejectPageBeyondCount(rows, find.page, req.payloadAPI === 'GraphQL' && pagination !== false)
    return result
  }

import { APIError } from 'payload'

/** The largest Int GraphQL can return: a list's `pagingCounter` must stay within it. */
const GRAPHQL_INT_MAX = 2 ** 31 - 1

/** How a refused value reads in a message: numbers as numbers, anything else quoted. */
const shown = (value: unknown) =>
  typeof value === 'number' ? String(value) : JSON.stringify(value)

const absent = (value: unknown) => value === undefined || value === null || value === ''

const refuse = (field: 'limit' | 'page', message: string) =>
  new APIError(message, 400, { field }, true)

/**
 * Refuses a list's `limit` or `page` the database would fail on (a 500): a limit that is not a
 * whole number from 0 (0 is "every document"), a page that is not one from 1.
 */
export function rejectOddPaging(limit: unknown, page: unknown): void {
  if (!absent(limit) && !(Number.isSafeInteger(limit) && (limit as number) >= 0)) {
    throw refuse('limit', `limit must be a whole number, 0 or more; got ${shown(limit)}.`)
  }
  if (!absent(page) && !(Number.isSafeInteger(page) && (page as number) >= 1)) {
    throw refuse('page', `page must be a whole number, 1 or more; got ${shown(page)}.`)
  }
}

/**
 * Refuses a page whose first row's number ((page - 1) × limit + 1, Payload's `pagingCounter`)
 * is past what the answer can carry: a GraphQL Int, or else a JavaScript safe integer.
 */
export function rejectPageBeyondCount(limit: number, page: unknown, asGraphQLInt: boolean): void {
  if (limit <= 0 || typeof page !== 'number') return
  const max = asGraphQLInt ? GRAPHQL_INT_MAX : Number.MAX_SAFE_INTEGER
  const largest = Math.floor((max - 1) / limit) + 1
  if (page > largest) {
    throw refuse(
      'page',
      `page is too large for limit ${limit}: the largest is ${largest}; got ${page}.`,
    )
  }
}

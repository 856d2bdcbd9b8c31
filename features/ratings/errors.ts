import { APIError, type AfterErrorHook } from 'payload'
import type { RatingSummary } from './summary.js'

export type RatingErrorCode =
  'VALIDATION' | 'NOT_FOUND' | 'RATINGS_CLOSED' | 'ALREADY_RATED' | 'RATE_LIMITED'

const statusByCode: Record<RatingErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  RATINGS_CLOSED: 403,
  ALREADY_RATED: 409,
  RATE_LIMITED: 429,
}

/** Details that travel with an error to GraphQL `extensions` and the REST body. */
export interface RatingErrorDetails {
  /** The input at fault, for `VALIDATION`. */
  field?: string
  /** Seconds to wait, for `RATE_LIMITED`. */
  retryAfter?: number
  /** The article's current summary, for `ALREADY_RATED`. */
  summary?: RatingSummary
}

/** A refused vote: one readable sentence, a stable `code` and the HTTP status that goes with it. */
export class RatingError extends APIError {
  readonly code: RatingErrorCode
  readonly details: RatingErrorDetails

  constructor(code: RatingErrorCode, message: string, details: RatingErrorDetails = {}) {
    super(message, statusByCode[code], undefined, true)
    this.name = 'RatingError'
    this.code = code
    this.details = details
  }

  /** The JSON body REST answers with (the same fields GraphQL puts into `extensions`). */
  toJSON() {
    return { errors: [{ message: this.message, code: this.code, ...this.details }] }
  }
}

export function isRatingError(error: unknown): error is RatingError {
  return (
    error instanceof RatingError || (error as { name?: unknown } | null)?.name === 'RatingError'
  )
}

/** The REST answer for a refused vote, with `Retry-After` when rate limited. */
export function ratingErrorResponse(error: RatingError): Response {
  const headers: Record<string, string> = {}
  if (error.details.retryAfter !== undefined)
    headers['retry-after'] = String(error.details.retryAfter)
  return Response.json(error.toJSON(), { status: error.status, headers })
}

/**
 * Payload's GraphQL handler keeps only `name`, `data` and `statusCode` of a thrown error; this
 * `afterError` hook puts the rating error's `code` and details into `extensions` as well.
 */
export const ratingErrorExtensions: AfterErrorHook = ({ error, graphqlResult }) => {
  const original = (error as { originalError?: unknown }).originalError ?? error
  if (!graphqlResult || !isRatingError(original)) return
  return {
    graphqlResult: {
      ...graphqlResult,
      message: original.message,
      extensions: { ...graphqlResult.extensions, code: original.code, ...original.details },
    },
  }
}

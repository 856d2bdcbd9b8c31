import { APIError, type AfterErrorHook, type PayloadHandler } from 'payload'

/** The stable codes of the plugin's refusals, the same in REST bodies and GraphQL `extensions`. */
export type PortalErrorCode =
  | 'VALIDATION'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATINGS_CLOSED'
  | 'ALREADY_RATED'
  | 'RATE_LIMITED'
  | 'UNKNOWN_SITE'
  | 'BODY_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'NOT_ACCEPTABLE'
  | 'METHOD_NOT_ALLOWED'
  | 'PERSISTED_QUERY_NOT_FOUND'

const statusByCode: Record<PortalErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  RATINGS_CLOSED: 403,
  NOT_FOUND: 404,
  ALREADY_RATED: 409,
  RATE_LIMITED: 429,
  UNKNOWN_SITE: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_ACCEPTABLE: 406,
  METHOD_NOT_ALLOWED: 405,
  PERSISTED_QUERY_NOT_FOUND: 400,
}

/** Details that travel with an error to GraphQL `extensions` and the REST body. */
export interface PortalErrorDetails {
  /** The input at fault (`VALIDATION`, or the parameter that named nothing for `NOT_FOUND`). */
  field?: string
  /** Seconds to wait, for `RATE_LIMITED` (also sent as `Retry-After`). */
  retryAfter?: number
  /** Anything else the client may act on (e.g. the article's current rating for `ALREADY_RATED`). */
  [detail: string]: unknown
}

/** A refused request: one readable sentence, a stable `code` and the HTTP status that goes with it. */
export class PortalError extends APIError {
  readonly code: PortalErrorCode
  readonly details: PortalErrorDetails

  constructor(code: PortalErrorCode, message: string, details: PortalErrorDetails = {}) {
    super(message, statusByCode[code], undefined, true)
    this.name = 'PortalError'
    this.code = code
    this.details = details
  }

  /** The JSON body REST answers with: `{ errors: [{ message, code, field?, … }] }`. */
  toJSON() {
    return { errors: [{ message: this.message, code: this.code, ...this.details }] }
  }
}

// By name too: a bundler may load this module twice, and `instanceof` fails across the copies.
export function isPortalError(error: unknown): error is PortalError {
  return (
    error instanceof PortalError || (error as { name?: unknown } | null)?.name === 'PortalError'
  )
}

/** The REST answer for a refused request, with `Retry-After` when rate limited. */
export function portalErrorResponse(error: PortalError): Response {
  const headers: Record<string, string> = {}
  if (error.details.retryAfter !== undefined)
    headers['retry-after'] = String(error.details.retryAfter)
  return Response.json(error.toJSON(), { status: error.status, headers })
}

/** An endpoint handler that answers a thrown `PortalError` with its body and status. */
export function answeringPortalErrors(handler: PayloadHandler): PayloadHandler {
  return async (req) => {
    try {
      return await handler(req)
    } catch (error) {
      if (isPortalError(error)) return portalErrorResponse(error)
      throw error
    }
  }
}

/**
 * Payload's GraphQL handler keeps only `name`, `data` and `statusCode` of a thrown error, and its
 * REST routes only the message: this `afterError` hook gives a portal error thrown anywhere (an
 * access rule, a hook, a resolver) its `code` and details, in GraphQL `extensions` and in the REST
 * body (`{ errors: [{ message, code, … }] }`, as `answeringPortalErrors` answers), with its status.
 */
export const portalErrorExtensions: AfterErrorHook = ({ error, graphqlResult }) => {
  const original = (error as { originalError?: unknown }).originalError ?? error
  if (!isPortalError(original)) return
  if (!graphqlResult) return { response: original.toJSON(), status: original.status }
  return {
    graphqlResult: {
      ...graphqlResult,
      message: original.message,
      extensions: { ...graphqlResult.extensions, code: original.code, ...original.details },
    },
  }
}

/** What went wrong, in terms a page can act on. */
export type PortalErrorCode =
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'ALREADY_RATED'
  | 'RATINGS_CLOSED'
  | 'RATE_LIMITED'
  | 'TIMEOUT'
  | 'NETWORK'
  | 'SERVER'
  | 'STORE_REQUIRED'
  | 'UNKNOWN_SITE'

/** One GraphQL error as the server sent it. */
export interface PortalGraphQLError {
  message: string
  path?: ReadonlyArray<string | number>
  extensions?: Record<string, unknown>
}

export interface PortalErrorDetails {
  /** The HTTP status, when a response arrived. */
  status?: number
  /** Seconds the server asked us to wait (`Retry-After`, or `extensions.retryAfter`). */
  retryAfter?: number
  /** The GraphQL errors of the response, when there were any. */
  errors?: readonly PortalGraphQLError[]
  /** What caused it (the fetch error, the JSON parse error, …). */
  cause?: unknown
}

/** Every failure of a portal call: one class, a `code` to switch on, and one readable sentence. */
export class PortalError extends Error {
  override readonly name = 'PortalError'
  readonly code: PortalErrorCode
  readonly status?: number
  readonly retryAfter?: number
  readonly errors?: readonly PortalGraphQLError[]

  constructor(code: PortalErrorCode, message: string, details: PortalErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.code = code
    if (details.status !== undefined) this.status = details.status
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter
    if (details.errors !== undefined) this.errors = details.errors
  }

  /** The `extensions` of the first GraphQL error (e.g. the current summary sent with `ALREADY_RATED`). */
  get extensions(): Record<string, unknown> | undefined {
    return this.errors?.[0]?.extensions
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** By shape, not `instanceof`: an app that loads both the ESM and the CJS build has two PortalError classes. */
export const isPortalError = (value: unknown): value is PortalError =>
  isRecord(value) &&
  value.name === 'PortalError' &&
  typeof value.code === 'string' &&
  typeof value.message === 'string'

const codes = new Set<string>([
  'NOT_FOUND',
  'VALIDATION',
  'ALREADY_RATED',
  'RATINGS_CLOSED',
  'RATE_LIMITED',
  'TIMEOUT',
  'NETWORK',
  'SERVER',
  'STORE_REQUIRED',
  'UNKNOWN_SITE',
])

// Payload names its errors (extensions.name); graphql-js and common servers use other spellings.
const aliases: Record<string, PortalErrorCode> = {
  NotFound: 'NOT_FOUND',
  ValidationError: 'VALIDATION',
  BAD_USER_INPUT: 'VALIDATION',
  GRAPHQL_VALIDATION_FAILED: 'VALIDATION',
  GRAPHQL_PARSE_FAILED: 'VALIDATION',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
}

/** The code an HTTP status stands for, when the body says nothing more precise. */
export function codeForStatus(status: number): PortalErrorCode {
  if (status === 404) return 'NOT_FOUND'
  if (status === 429) return 'RATE_LIMITED'
  if (status === 400 || status === 422) return 'VALIDATION'
  return 'SERVER'
}

const asNumber = (value: unknown): number | undefined => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined
}

/** The code of a GraphQL error: `extensions.code` first, then Payload's error name, then its status. */
export function codeForGraphQLError(
  error: PortalGraphQLError,
  httpStatus: number,
): PortalErrorCode {
  const extensions = error.extensions ?? {}
  const data = (extensions.data ?? {}) as Record<string, unknown>
  for (const candidate of [extensions.code, data.code, extensions.name]) {
    if (typeof candidate !== 'string') continue
    if (codes.has(candidate)) return candidate as PortalErrorCode
    if (aliases[candidate]) return aliases[candidate]
  }
  const status = asNumber(extensions.statusCode) ?? asNumber(extensions.status) ?? httpStatus
  return status >= 400 ? codeForStatus(status) : 'SERVER'
}

/** Seconds to wait from a `Retry-After` header (seconds or an HTTP date) or an error's extensions. */
export function parseRetryAfter(
  header: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!header) return undefined
  const seconds = asNumber(header)
  if (seconds !== undefined) return Math.max(0, seconds)
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000))
}

export function retryAfterOf(error: PortalGraphQLError | undefined): number | undefined {
  const extensions = error?.extensions ?? {}
  const data = (extensions.data ?? {}) as Record<string, unknown>
  const value = asNumber(extensions.retryAfter) ?? asNumber(data.retryAfter)
  return value === undefined ? undefined : Math.max(0, value)
}

import { APIError, type AfterErrorHook, type PayloadRequest } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { clientAddress, rateLimitKey } from '../clientAddress/index.js'

/** A visit refused by the per-address limit: HTTP 429, `RATE_LIMITED`, and how long to wait. */
export class VisitsRateLimitedError extends APIError {
  readonly code = 'RATE_LIMITED'

  constructor(readonly retryAfter: number) {
    super(`Too many visits from this address; try again in ${retryAfter} s.`, 429, undefined, true)
    this.name = 'VisitsRateLimitedError'
  }

  /** The REST answer, with `Retry-After`. */
  toResponse(): Response {
    return Response.json(
      { errors: [{ message: this.message, code: this.code, retryAfter: this.retryAfter }] },
      { status: 429, headers: { 'retry-after': String(this.retryAfter) } },
    )
  }
}

/**
 * Counts a visit against `visitsPerMinute` for the client's address (IPv6: its /64; a client
 * whose address is unknown, against its session) in the same store as the vote limiter, and
 * throws `VisitsRateLimitedError` past it. Offices behind one NAT share an address, hence a
 * generous default.
 */
export async function limitVisits(
  req: PayloadRequest,
  options: ResolvedNewsPortalOptions,
  session: unknown,
): Promise<void> {
  if (options.visitsPerMinute <= 0) return
  const address = clientAddress(req, options)
  const key = rateLimitKey(req.payload, 'visit', address, `session:${String(session)}`)
  const decision = await options.ratingRateLimitStore.hit(
    key,
    options.visitsPerMinute,
    60_000,
    req.payload,
  )
  if (!decision.allowed) throw new VisitsRateLimitedError(decision.retryAfter)
}

/** Puts `code` and `retryAfter` into the GraphQL error's `extensions` (Payload keeps only the status). */
export const visitErrorExtensions: AfterErrorHook = ({ error, graphqlResult }) => {
  const original = (error as { originalError?: unknown }).originalError ?? error
  if (!graphqlResult || (original as { name?: unknown })?.name !== 'VisitsRateLimitedError') return
  const { code, retryAfter } = original as VisitsRateLimitedError
  return {
    graphqlResult: {
      ...graphqlResult,
      extensions: { ...graphqlResult.extensions, code, retryAfter },
    },
  }
}

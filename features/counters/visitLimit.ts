import type { PayloadRequest } from 'payload'
import { PortalError } from '../../core/errors.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { clientAddress, rateLimitKey } from '../clientAddress/index.js'
import { siteKey } from '../sites/keys.js'
import type { CounterSite } from './siteScope.js'

/**
 * Counts a visit to `site` against `visitsPerMinute` for the client's address (IPv6: its /64; a
 * client whose address is unknown, against its session) in the same store as the vote limiter, and
 * throws `RATE_LIMITED` (with `retryAfter`) past it. Offices behind one NAT share an address, hence a
 * generous default.
 */
export async function limitVisits(
  req: PayloadRequest,
  options: ResolvedNewsPortalOptions,
  site: CounterSite,
  session: unknown,
): Promise<void> {
  if (options.visitsPerMinute <= 0) return
  const address = clientAddress(req, options)
  // Each site has its own limit: a reader busy on one commune's portal is not held back on another.
  const key = siteKey(
    site,
    rateLimitKey(req.payload, 'visit', address, `session:${String(session)}`),
  )
  const decision = await options.ratingRateLimitStore.hit(
    key,
    options.visitsPerMinute,
    60_000,
    req.payload,
  )
  if (!decision.allowed) {
    throw new PortalError(
      'RATE_LIMITED',
      `Too many visits from this address; try again in ${decision.retryAfter} s.`,
      { retryAfter: decision.retryAfter },
    )
  }
}

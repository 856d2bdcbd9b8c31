import type { Endpoint } from 'payload'
import { VOTER_TOKEN_HEADER } from '../ratings/voter.js'
import { SITE_HEADER } from '../../core/constants.js'

/** The methods a reader's browser uses on the public surface (the SDK sends GET and POST). */
export const PUBLIC_METHODS = 'GET, POST, OPTIONS'

/**
 * An `OPTIONS` endpoint for one public path: 204 allowing exactly `GET, POST, OPTIONS`. Payload
 * adds `Access-Control-Allow-Origin` (listed origins only) and `-Headers` (its own plus `cors.headers`).
 */
export const preflightEndpoint = (path: string): Endpoint => ({
  path,
  method: 'options',
  handler: () =>
    new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-methods': PUBLIC_METHODS,
        // Browsers may reuse the answer for 10 minutes instead of asking before every vote.
        'access-control-max-age': '600',
        vary: 'Origin',
      },
    }),
})

/** The headers the SDK adds to Payload's own allowed list. */
export const SDK_HEADERS = [VOTER_TOKEN_HEADER, SITE_HEADER]

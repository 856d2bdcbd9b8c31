import type { Endpoint } from 'payload'
import { answeringPortalErrors } from '../../core/errors.js'
import { readJsonBody } from '../../core/requestBody.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { recordVisit } from './visits.js'
import { limitVisits } from './visitLimit.js'
import { resolveSite } from '../sites/resolve.js'

/** `POST /api/visits` `{ session, path?, article? }` → VisitorStats (the REST twin of `recordVisit`). */
export const visitsEndpoint = (options: ResolvedNewsPortalOptions): Endpoint => ({
  path: '/visits',
  method: 'post',
  handler: answeringPortalErrors(async (req) => {
    // An unknown site is refused before anything else is read or counted.
    const site = await resolveSite(req, options)
    const read = await readJsonBody(req, {
      message: 'The body must be JSON: { session, path?, article? }.',
      field: 'body',
      maxBytes: options.maxRequestBodyBytes,
    })
    const body = (read && typeof read === 'object' && !Array.isArray(read) ? read : {}) as Record<
      string,
      unknown
    >
    await limitVisits(req, options, site, body.session)
    const result = await recordVisit(req.payload, options, site, {
      session: body.session,
      path: body.path,
      article: body.article,
      userAgent: req.headers.get('user-agent'),
    })
    return Response.json(await result.stats(), { headers: { 'cache-control': 'no-store' } })
  }),
})

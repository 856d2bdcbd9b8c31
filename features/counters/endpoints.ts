import type { Endpoint } from 'payload'
import { readTextWithin } from '../../core/requestBody.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { recordVisit } from './visits.js'
import { limitVisits, VisitsRateLimitedError } from './visitLimit.js'

/** `POST /api/visits` `{ session, path?, article? }` → VisitorStats (the REST twin of `recordVisit`). */
export const visitsEndpoint = (options: ResolvedNewsPortalOptions): Endpoint => ({
  path: '/visits',
  method: 'post',
  handler: async (req) => {
    // Read at most maxRequestBodyBytes: a larger body gets 413 before anything is parsed.
    const text = await readTextWithin(req as Request, options.maxRequestBodyBytes)
    if (text instanceof Response) return text
    let body: Record<string, unknown>
    try {
      body = JSON.parse(text) ?? {}
    } catch {
      return Response.json(
        {
          errors: [
            { message: 'The body must be JSON: { session, path?, article? }.', field: 'body' },
          ],
        },
        { status: 400 },
      )
    }
    if (typeof body !== 'object' || Array.isArray(body)) body = {}
    try {
      await limitVisits(req, options, body.session)
    } catch (error) {
      if (error instanceof VisitsRateLimitedError) return error.toResponse()
      throw error
    }
    const result = await recordVisit(req.payload, options, {
      session: body.session,
      path: body.path,
      article: body.article,
      userAgent: req.headers.get('user-agent'),
    })
    return Response.json(await result.stats(), { headers: { 'cache-control': 'no-store' } })
  },
})

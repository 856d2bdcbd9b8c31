import type { Endpoint } from 'payload'
import { readTextWithin } from '../../core/requestBody.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { isRatingError, ratingErrorResponse, RatingError } from './errors.js'
import { rateArticle } from './rateArticle.js'
import { recomputeSummaries } from './recompute.js'

function readScore(text: string): unknown {
  if (!text.trim()) return undefined
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new RatingError('VALIDATION', 'The body must be JSON such as {"score": 4}.', {
      field: 'score',
    })
  }
  return body && typeof body === 'object' ? (body as { score?: unknown }).score : undefined
}

/** `POST /api/articles/:id/rate` with `{ "score": n }` → `{ total, count, average }`. */
export const rateEndpoint = (options: ResolvedNewsPortalOptions): Endpoint => ({
  path: '/:id/rate',
  method: 'post',
  handler: async (req) => {
    // Read at most maxRequestBodyBytes: a larger body gets 413 before anything is parsed.
    const text = await readTextWithin(req as Request, options.maxRequestBodyBytes)
    if (text instanceof Response) return text
    try {
      const score = readScore(text)
      const summary = await rateArticle(req, options, { article: req.routeParams?.id, score })
      return Response.json(summary)
    } catch (error) {
      if (isRatingError(error)) return ratingErrorResponse(error)
      throw error
    }
  },
})

/** `POST /api/rating-summaries/recompute` (editors): rebuilds every aggregate from the vote log. */
export const recomputeEndpoint = (options: ResolvedNewsPortalOptions): Endpoint => ({
  path: '/recompute',
  method: 'post',
  handler: async (req) => {
    if (!options.isEditor(req.user, req)) {
      return Response.json(
        {
          errors: [{ message: 'Only editors may recompute rating summaries.', code: 'FORBIDDEN' }],
        },
        { status: req.user ? 403 : 401 },
      )
    }
    const result = await recomputeSummaries(req.payload)
    req.payload.logger.info(
      `Rating summaries recomputed: ${result.votes} votes over ${result.articles} articles, ${result.corrected} rows corrected.`,
    )
    return Response.json(result)
  },
})

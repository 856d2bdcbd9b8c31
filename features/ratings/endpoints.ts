import type { Endpoint } from 'payload'
import { PortalError, answeringPortalErrors } from '../../core/errors.js'
import { readJsonBody } from '../../core/requestBody.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { rateArticle } from './rateArticle.js'
import { recomputeSummaries } from './recompute.js'

/** `POST /api/articles/:id/rate` with `{ "score": n }` → `{ total, count, average }`. */
export const rateEndpoint = (options: ResolvedNewsPortalOptions): Endpoint => ({
  path: '/:id/rate',
  method: 'post',
  handler: answeringPortalErrors(async (req) => {
    const body = await readJsonBody(req, {
      message: 'The body must be JSON such as {"score": 4}.',
      field: 'score',
      maxBytes: options.maxRequestBodyBytes,
    })
    const score = body && typeof body === 'object' ? (body as { score?: unknown }).score : undefined
    const summary = await rateArticle(req, options, { article: req.routeParams?.id, score })
    return Response.json(summary)
  }),
})

/** `POST /api/rating-summaries/recompute` (editors): rebuilds every aggregate from the vote log. */
export const recomputeEndpoint = (options: ResolvedNewsPortalOptions): Endpoint => ({
  path: '/recompute',
  method: 'post',
  handler: answeringPortalErrors(async (req) => {
    if (!options.isEditor(req.user, req)) {
      throw new PortalError(
        req.user ? 'FORBIDDEN' : 'UNAUTHORIZED',
        'Only editors may recompute rating summaries.',
      )
    }
    const result = await recomputeSummaries(req.payload)
    req.payload.logger.info(
      `Rating summaries recomputed: ${result.votes} votes over ${result.articles} articles, ${result.corrected} rows corrected.`,
    )
    return Response.json(result)
  }),
})

import type { PayloadRequest } from 'payload'
import { perRequest, tickLoader } from '../../core/batch.js'
import type { Id } from '../../core/ids.js'
import { findSummaries, toSummary, type RatingSummary } from './summary.js'

// One loader per request, so a list of 50 articles costs one `in` query; each answer is kept for the request.
const summaries = perRequest((req) =>
  tickLoader<Id, RatingSummary>(
    async (articles) => {
      const found = await findSummaries(req.payload, [...articles])
      return articles.map((article) => found.get(String(article)) ?? toSummary(null))
    },
    { cache: true, cacheKey: String },
  ),
)

/** The rating summary of an article, batched with every other lookup of the same request and turn. */
export function loadSummary(req: PayloadRequest, article: Id): Promise<RatingSummary> {
  return summaries(req).load(article)
}

/** Remembers a summary this request has just produced (after a vote), so later reads agree with it. */
export function primeSummary(req: PayloadRequest, article: Id, summary: RatingSummary): void {
  summaries(req).clear(article).prime(article, summary)
}

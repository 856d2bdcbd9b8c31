import type { Payload, PayloadRequest } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { publicArticleWhere } from '../content/publicWhere.js'
import { coalesce, perOwner } from '../../core/batch.js'
import { PortalError } from '../../core/errors.js'
import { ARTICLES_SLUG, RATINGS_SLUG, RATING_SUMMARIES_SLUG } from '../../core/constants.js'
import { isMalformedIdError, isUniqueViolation, retryWhileBusy } from '../../core/database.js'
import { storedId, type Id } from '../../core/ids.js'
import { recomputeSummary } from './recompute.js'
import { findSummary, incrementSummary, type RatingSummary } from './summary.js'
import { primeSummary } from './summaryLoader.js'
import { clientAddress, rateLimitKey } from '../clientAddress/index.js'
import { keyedHash, voterIdentity } from './voter.js'
import { resolveSite } from '../sites/resolve.js'
import { siteKey } from '../sites/keys.js'
import { cacheKeyOf, onSite, type CounterSite } from '../counters/siteScope.js'

export const MIN_SCORE = 1
export const MAX_SCORE = 5

/** Why a score is refused, or `undefined` when it is an integer 1..5 (a real number, never a string). */
export function scoreProblem(score: unknown): string | undefined {
  if (score === undefined) return 'score is required: an integer from 1 to 5.'
  if (
    typeof score !== 'number' ||
    !Number.isInteger(score) ||
    score < MIN_SCORE ||
    score > MAX_SCORE
  ) {
    return `score must be an integer from ${MIN_SCORE} to ${MAX_SCORE}; got ${describe(score)}.`
  }
  return undefined
}

/** Why an article argument is refused, or `undefined` when it looks like an id. */
export function articleProblem(article: unknown): string | undefined {
  const ok =
    (typeof article === 'string' && article.trim() !== '' && article.length <= 100) ||
    (typeof article === 'number' && Number.isInteger(article))
  return ok
    ? undefined
    : 'article is required: the id of the article to rate (at most 100 characters).'
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)
  if (value === null) return 'null'
  if (typeof value === 'number') return String(value)
  return typeof value
}

type RateableArticle = { id: Id; allowRatings?: boolean | null } | null

// Votes on the same article of the same site in the same tick share one lookup (a hot article under a burst).
const articleLookups = perOwner((payload: Payload) =>
  coalesce<{ id: Id; site: CounterSite }, RateableArticle>(async (_key, [{ id, site }]) => {
    try {
      return await retryWhileBusy(() =>
        // site-scope: scoped by onSite(site), the request's site.
        payload.db.findOne({
          collection: ARTICLES_SLUG,
          where: { and: [{ id: { equals: id } }, publicArticleWhere(), ...onSite(site)] },
          select: { allowRatings: true },
        }),
      )
    } catch (error) {
      // A malformed id (for example not an ObjectId on MongoDB) names no article.
      if (isMalformedIdError(error)) return null
      throw error
    }
  }),
)

// …and one `$inc` carrying all their points, so exactness holds and the row is written once.
const summaryIncrements = perOwner((payload: Payload) =>
  coalesce<{ article: Id; score: number }, RatingSummary>((_key, votes) =>
    incrementSummary(
      payload,
      votes[0].article,
      votes.reduce((total, vote) => total + vote.score, 0),
      votes.length,
    ),
  ),
)

/**
 * The article when the public may read it on `site` and rate it; `NOT_FOUND` (also for another
 * site's article) / `RATINGS_CLOSED` otherwise.
 */
async function findRateableArticle(
  payload: Payload,
  site: CounterSite,
  article: Id,
): Promise<{ id: Id }> {
  const id = storedId(payload, ARTICLES_SLUG, article)
  // Built only when needed: an Error captures a stack trace, which is not free on the hot path.
  const notFound = () =>
    new PortalError(
      'NOT_FOUND',
      `There is no public article with id ${JSON.stringify(String(article))}.`,
    )
  if (id === undefined) throw notFound()
  const found = await articleLookups(payload)(`${cacheKeyOf(site)}|${String(id)}`, { id, site })
  if (!found) throw notFound()
  if (found.allowRatings === false) {
    throw new PortalError(
      'RATINGS_CLOSED',
      `Ratings are turned off for article ${JSON.stringify(String(article))}.`,
    )
  }
  return found
}

/**
 * Records one reader's vote on an article of the request's site and returns the article's new
 * summary. Checks everything before writing (site, score, voter, rate limit, article), so a
 * refused vote writes nothing; the unique index
 * on (article, voterHash) is what makes a second vote by the same voter fail, even when both race.
 */
export async function rateArticle(
  req: PayloadRequest,
  options: ResolvedNewsPortalOptions,
  input: { article?: unknown; score?: unknown },
): Promise<RatingSummary> {
  const { payload } = req
  const site = await resolveSite(req, options)
  const badScore = scoreProblem(input.score)
  if (badScore) throw new PortalError('VALIDATION', badScore, { field: 'score' })
  const badArticle = articleProblem(input.article)
  if (badArticle) throw new PortalError('VALIDATION', badArticle, { field: 'article' })
  const score = input.score as number

  const address = clientAddress(req, options)
  const identity = voterIdentity(req, options, address)
  if (options.ratingsPerMinute > 0) {
    // Per site and address (IPv6: per /64); a voter whose address is unknown is limited on its own.
    const key = siteKey(site, rateLimitKey(payload, 'rating', address, `voter:${identity}`))
    const decision = await options.ratingRateLimitStore.hit(
      key,
      options.ratingsPerMinute,
      60_000,
      payload,
    )
    if (!decision.allowed) {
      throw new PortalError(
        'RATE_LIMITED',
        `Too many votes from this address; try again in ${decision.retryAfter} s.`,
        {
          retryAfter: decision.retryAfter,
        },
      )
    }
  }

  const article = await findRateableArticle(payload, site, input.article as Id)
  const voterHash = keyedHash(payload.secret, identity)
  try {
    // SQLITE_BUSY (another process holds the file's write lock) wrote nothing: retried asynchronously.
    await retryWhileBusy(() =>
      // site-scope: the article was found on the request's site above; votes are keyed by its id.
      payload.db.create({
        collection: RATINGS_SLUG,
        data: { article: article.id, score, voterHash },
        returning: false,
      }),
    )
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    throw new PortalError('ALREADY_RATED', 'You have already rated this article.', {
      summary: await findSummary(payload, article.id),
    })
  }
  let summary: RatingSummary
  try {
    summary = await summaryIncrements(payload)(String(article.id), { article: article.id, score })
  } catch (error) {
    await takeBackVote(payload, article.id, voterHash)
    throw error
  }
  primeSummary(req, article.id, summary)
  return summary
}

/**
 * Keeps log and aggregate in step after a vote was logged but not counted: the vote is deleted
 * again. When that delete fails too, the failure is logged and the article's aggregate is rebuilt
 * from the log, which still holds the vote.
 */
async function takeBackVote(payload: Payload, article: Id, voterHash: string): Promise<void> {
  try {
    await retryWhileBusy(() =>
      // site-scope: the vote just logged, by its article's id (unique across sites) and voter.
      payload.db.deleteOne({
        collection: RATINGS_SLUG,
        where: { and: [{ article: { equals: article } }, { voterHash: { equals: voterHash } }] },
      }),
    )
  } catch (err) {
    payload.logger.error({
      err,
      msg: `ratings: a vote on article ${article} was not counted and could not be taken back out of the log; rebuilding its aggregate from the log.`,
    })
    try {
      await recomputeSummary(payload, article)
    } catch (repairError) {
      payload.logger.error({
        err: repairError,
        msg: `ratings: rebuilding the aggregate of article ${article} failed; POST /api/${RATING_SUMMARIES_SLUG}/recompute repairs it.`,
      })
    }
  }
}

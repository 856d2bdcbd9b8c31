import type { Payload, PayloadRequest } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { publicArticleWhere } from '../content/publicWhere.js'
import { isStorableNumericId } from '../content/hooks/rejectMalformedId.js'
import { coalesce, perOwner } from '../../core/batch.js'
import { RatingError } from './errors.js'
import { RATINGS_SLUG } from '../../core/constants.js'
import { retryWhileBusy } from '../counters/store.js'
import { findSummary, incrementSummary, isUniqueViolation, type RatingSummary } from './summary.js'
import { primeSummary } from './summaryLoader.js'
import { clientAddress, keyedHash, voterIdentity } from './voter.js'

type Id = string | number

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

/** The article id as the database stores it, or `undefined` when it cannot name any article. */
function articleId(payload: Payload, article: string | number): Id | undefined {
  const type = payload.collections.articles?.customIDType ?? payload.db.defaultIDType
  if (type === 'number') {
    const text = String(article).trim()
    return isStorableNumericId(payload, text) ? Number(text) : undefined
  }
  return String(article)
}

type RateableArticle = { id: Id; allowRatings?: boolean | null } | null

// Votes on the same article in the same tick share one lookup (a hot article under a burst).
const articleLookups = perOwner((payload: Payload) =>
  coalesce<Id, RateableArticle>(async (_key, [id]) => {
    try {
      return await retryWhileBusy(() =>
        payload.db.findOne({
          collection: 'articles',
          where: { and: [{ id: { equals: id } }, publicArticleWhere()] },
          select: { allowRatings: true },
        }),
      )
    } catch (error) {
      // A malformed id (for example not an ObjectId on MongoDB) names no article.
      const name = (error as { name?: string }).name
      if (name === 'CastError' || name === 'BSONError') return null
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

/** The article when the public may read it and rate it; `NOT_FOUND` / `RATINGS_CLOSED` otherwise. */
async function findRateableArticle(
  payload: Payload,
  article: string | number,
): Promise<{ id: Id }> {
  const id = articleId(payload, article)
  // Built only when needed: an Error captures a stack trace, which is not free on the hot path.
  const notFound = () =>
    new RatingError(
      'NOT_FOUND',
      `There is no public article with id ${JSON.stringify(String(article))}.`,
    )
  if (id === undefined) throw notFound()
  const found = await articleLookups(payload)(String(id), id)
  if (!found) throw notFound()
  if (found.allowRatings === false) {
    throw new RatingError(
      'RATINGS_CLOSED',
      `Ratings are turned off for article ${JSON.stringify(String(article))}.`,
    )
  }
  return found
}

/**
 * Records one reader's vote and returns the article's new summary. Checks everything before
 * writing (score, voter, rate limit, article), so a refused vote writes nothing; the unique index
 * on (article, voterHash) is what makes a second vote by the same voter fail, even when both race.
 */
export async function rateArticle(
  req: PayloadRequest,
  options: ResolvedNewsPortalOptions,
  input: { article?: unknown; score?: unknown },
): Promise<RatingSummary> {
  const { payload } = req
  const badScore = scoreProblem(input.score)
  if (badScore) throw new RatingError('VALIDATION', badScore, { field: 'score' })
  const badArticle = articleProblem(input.article)
  if (badArticle) throw new RatingError('VALIDATION', badArticle, { field: 'article' })
  const score = input.score as number

  const address = clientAddress(req, options)
  const identity = voterIdentity(req, options, address)
  if (options.ratingsPerMinute > 0) {
    // The limiter sees a keyed hash too, so a shared store never holds raw addresses either.
    const key = `rating:${keyedHash(payload.secret, `ip:${address ?? 'unknown'}`)}`
    const decision = await options.ratingRateLimitStore.hit(
      key,
      options.ratingsPerMinute,
      60_000,
      payload,
    )
    if (!decision.allowed) {
      throw new RatingError(
        'RATE_LIMITED',
        `Too many votes from this address; try again in ${decision.retryAfter} s.`,
        {
          retryAfter: decision.retryAfter,
        },
      )
    }
  }

  const article = await findRateableArticle(payload, input.article as string | number)
  const voterHash = keyedHash(payload.secret, identity)
  try {
    // SQLITE_BUSY (another process holds the file's write lock) wrote nothing: retried asynchronously.
    await retryWhileBusy(() =>
      payload.db.create({
        collection: RATINGS_SLUG,
        data: { article: article.id, score, voterHash },
        returning: false,
      }),
    )
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    throw new RatingError('ALREADY_RATED', 'You have already rated this article.', {
      summary: await findSummary(payload, article.id),
    })
  }
  let summary: RatingSummary
  try {
    summary = await summaryIncrements(payload)(String(article.id), { article: article.id, score })
  } catch (error) {
    // Keep log and aggregate in step: a vote that was not counted is not kept either.
    await retryWhileBusy(() =>
      payload.db.deleteOne({
        collection: RATINGS_SLUG,
        where: { and: [{ article: { equals: article.id } }, { voterHash: { equals: voterHash } }] },
      }),
    ).catch(() => undefined)
    throw error
  }
  primeSummary(req, article.id, summary)
  return summary
}

import type { Payload } from 'payload'
import type { TestApp } from '../helpers/app.js'

type Id = string | number

const HOUR = 3600_000

/** Articles in every state a vote must tell apart. */
export async function createRatingArticles(payload: Payload) {
  const now = Date.now()
  const make = async (title: string, data: Record<string, unknown>, draft = false): Promise<Id> => {
    const doc = await payload.create({
      collection: 'articles',
      data: { title, ...data },
      draft,
      overrideAccess: true,
    })
    return doc.id
  }
  return {
    published: await make('Bài được chấm điểm', {
      _status: 'published',
      publishedAt: new Date(now - HOUR).toISOString(),
    }),
    other: await make('Bài thứ hai', {
      _status: 'published',
      publishedAt: new Date(now - 2 * HOUR).toISOString(),
    }),
    draft: await make('Bản nháp', { _status: 'draft' }, true),
    scheduled: await make('Bài hẹn giờ', {
      _status: 'published',
      publishedAt: new Date(now + 24 * HOUR).toISOString(),
    }),
    expired: await make('Bài hết hạn', {
      _status: 'published',
      publishedAt: new Date(now - 48 * HOUR).toISOString(),
      expiresAt: new Date(now - 24 * HOUR).toISOString(),
    }),
    closed: await make('Bài tắt đánh giá', {
      _status: 'published',
      publishedAt: new Date(now - HOUR).toISOString(),
      allowRatings: false,
    }),
  }
}

/** An editor (the first user becomes admin, so one is made first) and a JWT for them. */
export async function createEditor(app: TestApp): Promise<{ id: Id; token: string }> {
  await app.payload.create({
    collection: 'users',
    data: { email: 'admin@ratings.test', password: 'admin-pass-123', roles: ['admin'] },
    overrideAccess: true,
  })
  const editor = await app.payload.create({
    collection: 'users',
    data: { email: 'editor@ratings.test', password: 'editor-pass-123', roles: ['editor'] },
    overrideAccess: true,
  })
  return { id: editor.id, token: await app.login('editor@ratings.test', 'editor-pass-123') }
}

export const RATE = /* GraphQL */ `
  mutation Rate($article: ID!, $score: Int!) {
    rateArticle(article: $article, score: $score) {
      total
      count
      average
    }
  }
`

/** The stored aggregate of an article, straight from the database (zeros when there is none). */
export async function storedSummary(
  payload: Payload,
  article: Id,
): Promise<{ total: number; count: number }> {
  const row = (await payload.db.findOne({
    collection: 'rating-summaries',
    where: { article: { equals: article } },
  })) as {
    total?: number
    count?: number
  } | null
  return { total: row?.total ?? 0, count: row?.count ?? 0 }
}

export async function voteCount(payload: Payload, article: Id): Promise<number> {
  const { totalDocs } = await payload.db.count({
    collection: 'ratings',
    where: { article: { equals: article } },
  })
  return totalDocs
}

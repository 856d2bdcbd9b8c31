import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Where } from 'payload'
import { startTestApp, type TestApp } from './helpers/app.js'
import { pruneSessions, SESSIONS } from '../features/counters/store.js'

let app: TestApp
const now = new Date('2031-03-15T10:00:00.000Z')
const STALE = 2_500
const FRESH = 10

beforeAll(async () => {
  app = await startTestApp()
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString()
  for (let i = 0; i < STALE + FRESH; i++)
    await app.payload.db.create({
      collection: SESSIONS,
      data: { key: `visit:prune-${i}`, scope: 'visit', lastSeenAt: at(i < STALE ? 45 : 5) },
      returning: false,
    })
}, 120_000)
afterAll(() => app?.close())

describe('pruning visit sessions at scale', () => {
  it('deletes the stale sessions in statements of at most 1,000 rows, so other writes wait for one statement only', async () => {
    const deletes: Where[] = []
    const deleteMany = app.payload.db.deleteMany.bind(app.payload.db)
    app.payload.db.deleteMany = (args) => {
      deletes.push(args.where)
      return deleteMany(args)
    }
    try {
      await pruneSessions(app.payload, new Date(now.getTime() - 30 * 60_000))
    } finally {
      app.payload.db.deleteMany = deleteMany
    }
    const sizes = deletes.map((where) => (where.id as { in?: unknown[] } | undefined)?.in?.length)
    expect(sizes).toEqual([1_000, 1_000, 500])
    const left = await app.payload.db.find({ collection: SESSIONS, limit: 0, pagination: false })
    expect(left.docs.map((doc) => (doc as unknown as { key: string }).key).sort()).toEqual(
      Array.from({ length: FRESH }, (_, i) => `visit:prune-${STALE + i}`).sort(),
    )
  })
})

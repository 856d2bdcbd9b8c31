import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app'
import { increment, startsNewWindow, countSessionsSince, readCounts } from '../plugin/counters/store'
import { visitorStats } from '../plugin/counters/visits'
import { resolveOptions } from '../plugin'

let app: TestApp
beforeAll(async () => { app = await startTestApp({}) })
afterAll(async () => app?.close())

async function time(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  const t = performance.now()
  for (let i = 0; i < n; i++) await fn(i)
  console.log(label, ((performance.now() - t) / n).toFixed(3), 'ms')
}
it('profile', async () => {
  const p = app.payload
  const options = resolveOptions({})
  const now = new Date()
  for (let i = 0; i < 2000; i++) await startsNewWindow(p, { key: `pre-${i}`, scope: 'visit', now, idleMs: 1800000 })
  await time('bare graphql', 300, () => app.graphql('{ __typename }'))
  await time('new session', 300, (i) => startsNewWindow(p, { key: `s-${i}`, scope: 'visit', now, idleMs: 1800000 }))
  await time('active session', 300, (i) => startsNewWindow(p, { key: `s-${i}`, scope: 'visit', now, idleMs: 1800000 }))
  await time('create only', 300, (i) => p.db.create({ collection: 'visit-sessions' as never, data: { key: `c-${i}`, scope: 'visit', lastSeenAt: now.toISOString() } }))
  await time('noop update', 300, (i) => p.db.updateOne({ collection: 'visit-sessions' as never, where: { key: { equals: `zz-${i}` } }, data: { lastSeenAt: now.toISOString() }, options: { atomic: true } }))
  await time('increment', 300, () => increment(p, 'total'))
  await time('3 increments parallel', 300, () => Promise.all([increment(p, 'a'), increment(p, 'b'), increment(p, 'c')]))
  await time('3 increments seq', 300, async () => { await increment(p, 'a'); await increment(p, 'b'); await increment(p, 'c') })
  await time('readCounts', 300, () => readCounts(p, ['a', 'b', 'c', 'total']))
  await time('count online', 300, () => countSessionsSince(p, 'visit', new Date(now.getTime() - 300000)))
  await time('visitorStats', 300, () => visitorStats(p, options, now))
  expect(1).toBe(1)
})

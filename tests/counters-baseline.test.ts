import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderToStaticMarkup } from 'react-dom/server'
import { seedWidgets } from '../seed/widgets.js'
import { resolveOptions } from '../plugin/index.js'
import { CountersDashboard } from '../admin/CountersDashboard.js'
import { startTestApp, type TestApp } from './helpers/app.js'

const local = (isoWithoutZone: string) => new Date(`${isoWithoutZone}+07:00`)

let app: TestApp
let clock = local('2030-08-20T10:00:00')

const STATS = '{ VisitorStats { online today thisMonth lastMonth total } }'
async function stats() {
  const result = await app.graphql(STATS)
  expect(result.errors).toBeUndefined()
  return result.data.VisitorStats
}

beforeAll(async () => {
  // Figures are read back at once under a moved clock: without the cache's 10 s counter lag (tests/cache-schedule).
  app = await startTestApp({ counters: { now: () => clock }, publicCache: false })
})
afterAll(async () => app?.close())

describe('baseline from a previous CMS', () => {
  it('the demo seed shows the seed page figures, once', async () => {
    expect(await seedWidgets(app.payload, { now: clock, log: false })).toBe(2)
    expect(await seedWidgets(app.payload, { now: clock, log: false })).toBe(0)
    expect(await stats()).toEqual({
      online: 0,
      today: 13933,
      thisMonth: 291448,
      lastMonth: 453141,
      total: 16917328,
    })
  })

  it('seed figures plus new visits add up exactly', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        app.graphql('mutation($s: String!) { recordVisit(session: $s) { total } }', {
          s: `baseline-visitor-${i}`,
        }),
      ),
    )
    expect(await stats()).toEqual({
      online: 25,
      today: 13958,
      thisMonth: 291473,
      lastMonth: 453141,
      total: 16917353,
    })
  })

  it('baseline months are calendar months: next month the seeded "this month" becomes "last month"', async () => {
    clock = local('2030-09-01T00:00:00')
    expect(await stats()).toEqual({
      online: 0,
      today: 0,
      thisMonth: 0,
      lastMonth: 291473,
      total: 16917353,
    })
  })

  it('an editor changing the baseline is seen at once, live counts untouched', async () => {
    const { docs } = await app.payload.find({
      collection: 'counter-widgets' as never,
      where: { kind: { equals: 'visitors' } },
    })
    const widget = docs[0] as unknown as { id: string | number; baseline: Record<string, unknown> }
    await app.payload.update({
      collection: 'counter-widgets' as never,
      id: widget.id,
      data: { baseline: { ...widget.baseline, total: 17000000 } } as never,
    })
    expect((await stats()).total).toBe(17000025)
  })
})

describe('admin dashboard', () => {
  it('shows editors the figures formatted Vietnamese style, and nothing to other users', async () => {
    clock = local('2030-08-20T12:00:00')
    const options = resolveOptions({ counters: { now: () => clock } })
    const editor = { id: 1, collection: 'users', roles: ['editor'] } as never
    const html = renderToStaticMarkup(
      await CountersDashboard({ payload: app.payload, user: editor, countersOptions: options }),
    )
    expect(html).toContain('17.000.025')
    expect(html).toContain('Tháng trước')
    expect(html).toContain('TÌNH HÌNH GIẢI QUYẾT HỒ SƠ')
    expect(html).toContain('99,85%')
    expect(html).toContain('0,15%')
    for (const user of [
      { id: 2, collection: 'users', roles: [] },
      // Another auth collection (a site's members) is no editor, whatever its roles say.
      { id: 3, collection: 'members', roles: ['editor'] },
    ]) {
      expect(
        await CountersDashboard({
          payload: app.payload,
          user: user as never,
          countersOptions: options,
        }),
      ).toBeNull()
    }
  })
})

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import site from '../seed/fixtures/seed-site.json'
import { COUNTERS_QUEUE, DOSSIER_SYNC_TASK, PRUNE_TASK } from '../features/counters/index.js'
import { WEBHOOK_PRUNE_TASK } from '../core/constants.js'
import { startTestApp, type TestApp } from './helpers/app.js'

const local = (isoWithoutZone: string) => new Date(`${isoWithoutZone}+07:00`)
const minutes = (n: number) => n * 60_000
const TIMEOUT_MS = 300

let app: TestApp
let clock = local('2030-01-10T08:00:00')
let editorToken: string
let server: http.Server
let baseUrl: string
const served: string[] = []

const DOSSIER = `query Dossier($slug: String) {
  DossierStats(slug: $slug) { title agency period levels { label count } received resolved overdue onTime onTimeRate overdueRate updatedAt }
}`

const seedPanel = {
  kind: 'dossier-stats',
  title: site.dossierStats.title,
  agency: site.dossierStats.agency,
  period: site.dossierStats.period,
  levels: site.dossierStats.levels,
  received: site.dossierStats.received,
  resolved: site.dossierStats.resolved,
  overdue: site.dossierStats.overdue,
  onTime: site.dossierStats.onTime,
  figuresUpdatedAt: new Date(site.dossierStats.autoUpdatedAt).toISOString(),
}

async function dossier(slug?: string) {
  const result = await app.graphql(DOSSIER, { slug: slug ?? null })
  expect(result.errors).toBeUndefined()
  return result.data.DossierStats
}

async function createPanel(data: Record<string, unknown>) {
  const response = await app.rest('POST', '/counter-widgets', { token: editorToken, body: data })
  const body = (await response.json()) as {
    doc?: { id: string | number; slug: string }
    errors?: unknown
  }
  return { status: response.status, body }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    served.push(req.url ?? '')
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(typeof body === 'string' ? body : JSON.stringify(body))
    }
    switch (req.url) {
      case '/good':
        return json(200, {
          agency: 'UBND huyện Than Uyên',
          period: '2024-12',
          levels: [
            { label: 'Toàn trình', count: 120 },
            { label: 'Một phần', count: 80 },
          ],
          received: 700,
          resolved: 650,
          onTime: 640,
          overdue: 10,
          updatedAt: '2024-12-20T08:30:00+07:00',
        })
      case '/one-stop':
        return json(200, {
          data: {
            receivedCount: '800',
            releaseCount: 790,
            ontimeCount: 700,
            betimesCount: 85,
            overtimeCount: 5,
          },
        })
      case '/not-json':
        return json(200, '<html>Bảo trì hệ thống</html>')
      case '/invalid':
        return json(200, { received: 1, resolved: 1, onTime: -3, overdue: 0 })
      case '/error':
        return json(500, { error: 'boom' })
      case '/slow':
        setTimeout(
          () => json(200, { received: 1, resolved: 1, onTime: 1, overdue: 0 }),
          TIMEOUT_MS * 5,
        ).unref()
        return
      default:
        return json(404, {})
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // The source server runs on 127.0.0.1, which the sync refuses unless allowed.
  app = await startTestApp({
    counters: {
      now: () => clock,
      dossierFetchTimeoutMs: TIMEOUT_MS,
      allowedInternalHosts: ['127.0.0.1'],
    },
  })
  await app.payload.create({
    collection: 'users',
    data: { email: 'editor@dossier.test', password: 'editor-pass-123', roles: ['editor'] } as never,
  })
  editorToken = await app.login('editor@dossier.test', 'editor-pass-123')
})
afterAll(async () => {
  await app?.close()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
})

describe('the dossier-processing panel', () => {
  it('DossierStats serves the seed figures with rates 99.85 and 0.15', async () => {
    const created = await createPanel(seedPanel)
    expect(created.status).toBe(201)
    expect(await dossier()).toEqual({
      title: 'TÌNH HÌNH GIẢI QUYẾT HỒ SƠ',
      agency: 'UBND huyện Than Uyên',
      period: '2024-11',
      levels: [
        { label: 'Mức độ 2', count: 206 },
        { label: 'Mức độ 3', count: 25 },
        { label: 'Mức độ 4', count: 56 },
      ],
      received: 591,
      resolved: 662,
      overdue: 1,
      onTime: 662,
      onTimeRate: 99.85,
      overdueRate: 0.15,
      updatedAt: '2024-11-23T09:15:52.000Z',
    })
    expect(await dossier(created.body.doc!.slug)).toMatchObject({ onTimeRate: 99.85 })
  })

  it('a bad count is refused naming the field, and nothing is written', async () => {
    const before = (await app.payload.count({ collection: 'counter-widgets' as never })).totalDocs
    for (const [field, value] of [
      ['overdue', -1],
      ['received', 1.5],
      ['onTime', 'many'],
    ] as const) {
      const { status, body } = await createPanel({
        ...seedPanel,
        title: `Bad ${field}`,
        [field]: value,
      })
      expect(status).toBe(400)
      expect(JSON.stringify(body)).toContain(`${field} must be a non-negative integer.`)
    }
    const badLevel = await createPanel({
      ...seedPanel,
      title: 'Bad level',
      levels: [{ label: 'Mức độ 2', count: -2 }],
    })
    expect(badLevel.status).toBe(400)
    expect(JSON.stringify(badLevel.body)).toContain('levels.count must be a non-negative integer.')
    const badPeriod = await createPanel({ ...seedPanel, title: 'Bad period', period: '11/2024' })
    expect(badPeriod.status).toBe(400)
    expect(JSON.stringify(badPeriod.body)).toContain('period must be a month as YYYY-MM.')
    expect((await app.payload.count({ collection: 'counter-widgets' as never })).totalDocs).toBe(
      before,
    )
  })

  it('both counts 0 give null rates', async () => {
    const { body } = await createPanel({
      kind: 'dossier-stats',
      title: 'Kỳ mới',
      received: 3,
      resolved: 0,
      onTime: 0,
      overdue: 0,
    })
    expect(await dossier(body.doc!.slug)).toMatchObject({
      received: 3,
      onTimeRate: null,
      overdueRate: null,
    })
  })

  it('the public reads only enabled widgets, never their source settings, and cannot write', async () => {
    const hidden = await createPanel({
      ...seedPanel,
      title: 'Bảng ẩn',
      enabled: false,
      source: 'url',
      sourceUrl: `${baseUrl}/good`,
    })
    expect(hidden.status).toBe(201)
    expect(await dossier(hidden.body.doc!.slug)).toBeNull()
    const list = await app.graphql(
      '{ CounterWidgets(limit: 50) { docs { title enabled sourceUrl lastError } } }',
    )
    const docs = list.data.CounterWidgets.docs as Array<{
      title: string
      enabled: boolean
      sourceUrl: string | null
    }>
    expect(docs.map((doc) => doc.title)).not.toContain('Bảng ẩn')
    expect(docs.every((doc) => doc.enabled === true && doc.sourceUrl === null)).toBe(true)
    const anonymous = await app.rest('POST', '/counter-widgets', {
      body: { ...seedPanel, title: 'Không được' },
    })
    expect(anonymous.status).toBe(403)
    await app.payload.delete({ collection: 'counter-widgets' as never, id: hidden.body.doc!.id })
  })
})

describe('the url source, synced by the scheduled job', () => {
  let id: string | number
  let slug: string
  const widget = async () =>
    (await app.payload.findByID({
      collection: 'counter-widgets' as never,
      id,
      depth: 0,
    })) as unknown as Record<string, any>
  const pointTo = async (path: string) => {
    const response = await app.rest('PATCH', `/counter-widgets/${id}`, {
      token: editorToken,
      body: { sourceUrl: `${baseUrl}${path}` },
    })
    expect(response.status).toBe(200)
  }
  const runJob = async () => {
    await app.payload.jobs.queue({
      task: DOSSIER_SYNC_TASK as never,
      input: {} as never,
      queue: COUNTERS_QUEUE,
    })
    await app.payload.jobs.run({ queue: COUNTERS_QUEUE })
  }

  it('good JSON lands: figures, levels and the source time', async () => {
    const { body } = await createPanel({
      ...seedPanel,
      title: 'Hồ sơ từ một cửa',
      source: 'url',
      sourceUrl: `${baseUrl}/good`,
      refreshMinutes: 60,
    })
    id = body.doc!.id
    slug = body.doc!.slug
    await runJob()
    expect(await dossier(slug)).toEqual({
      title: 'Hồ sơ từ một cửa',
      agency: 'UBND huyện Than Uyên',
      period: '2024-12',
      levels: [
        { label: 'Toàn trình', count: 120 },
        { label: 'Một phần', count: 80 },
      ],
      received: 700,
      resolved: 650,
      onTime: 640,
      overdue: 10,
      onTimeRate: 98.46,
      overdueRate: 1.54,
      updatedAt: '2024-12-20T01:30:00.000Z',
    })
    const stored = await widget()
    expect(stored.lastError ?? null).toBeNull()
    expect(new Date(stored.lastAttemptAt).toISOString()).toBe(clock.toISOString())
  })

  it('a panel is not fetched again before its refresh interval', async () => {
    const before = served.length
    clock = new Date(clock.getTime() + minutes(59))
    await runJob()
    expect(served.length).toBe(before)
  })

  it('the one-stop-shop names land, stamped with the sync time', async () => {
    await pointTo('/one-stop')
    clock = new Date(clock.getTime() + minutes(2))
    await runJob()
    expect(await dossier(slug)).toMatchObject({
      received: 800,
      resolved: 790,
      onTime: 785,
      overdue: 5,
      onTimeRate: 99.37,
      overdueRate: 0.63,
      updatedAt: clock.toISOString(),
      // Fields the source did not send keep their last values.
      period: '2024-12',
    })
  })

  for (const [path, error] of [
    ['/not-json', 'the source did not answer JSON.'],
    ['/error', 'the source answered HTTP 500.'],
    ['/invalid', 'onTime must be a non-negative integer.'],
    ['/slow', `the source did not answer within ${TIMEOUT_MS} ms.`],
  ] as const) {
    it(`${path} changes no figure and records "${error}"`, async () => {
      const before = await dossier(slug)
      await pointTo(path)
      clock = new Date(clock.getTime() + minutes(61))
      await runJob()
      expect(await dossier(slug)).toEqual(before)
      const stored = await widget()
      expect(stored.lastError).toBe(error)
      expect(new Date(stored.lastAttemptAt).toISOString()).toBe(clock.toISOString())
    })
  }

  it('the next good answer clears the error', async () => {
    await pointTo('/good')
    clock = new Date(clock.getTime() + minutes(61))
    await runJob()
    expect(await dossier(slug)).toMatchObject({ received: 700, onTimeRate: 98.46 })
    expect((await widget()).lastError ?? null).toBeNull()
  })

  it('every task carries a schedule on the news-portal queue (what jobs.autoRun picks up)', async () => {
    const result = await app.payload.jobs.handleSchedules({ queue: COUNTERS_QUEUE })
    expect(result.errored).toEqual([])
    expect(result.queued.map((entry) => entry.taskConfig?.slug).sort()).toEqual(
      [DOSSIER_SYNC_TASK, PRUNE_TASK, WEBHOOK_PRUNE_TASK].sort(),
    )
  })
})

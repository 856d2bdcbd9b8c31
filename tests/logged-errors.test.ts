import type { Payload, PayloadRequest } from 'payload'
import { describe, expect, it, vi } from 'vitest'
import { articlePreviewUrl } from '../features/content/previewUrl.js'
import { syncDossierWidget } from '../features/counters/sync.js'
import { DatabaseRateLimitStore } from '../features/ratings/rateLimitDatabase.js'
import { resolveOptions } from '../plugin/options.js'

/** Failures the plugin recovers from are logged as `logger.error({ err, msg })`, stack kept. */
describe('recovered failures are logged, not swallowed', () => {
  it('the preview link: a failed category read is logged, and the link goes without the category', async () => {
    const failure = new Error('connection refused')
    const error = vi.fn()
    const req = {
      payload: { findByID: () => Promise.reject(failure), logger: { error } },
    } as unknown as PayloadRequest
    const url = await articlePreviewUrl(resolveOptions({ siteUrl: 'https://example.vn' }))(
      { slug: 'hoi-thao', primaryCategory: 7 },
      { req, locale: 'vi', token: null },
    )
    expect(url).toBe('https://example.vn/hoi-thao')
    expect(error).toHaveBeenCalledWith({
      err: failure,
      msg: 'categories 7: reading the primary category for the preview link failed.',
    })
  })

  it('the database rate limiter: a failed background prune is logged with its error', async () => {
    const failure = new Error('deadlock detected')
    const error = vi.fn()
    const payload = {
      db: {
        updateOne: async () => ({ hits: 1 }),
        deleteMany: () => Promise.reject(failure),
      },
      logger: { error, warn: error },
    } as unknown as Payload
    const decision = await new DatabaseRateLimitStore(() => 120_000).hit('k', 5, 60_000, payload)
    expect(decision).toEqual({ allowed: true, retryAfter: 0 })
    await vi.waitFor(() => expect(error).toHaveBeenCalled())
    expect(error).toHaveBeenCalledWith({
      err: failure,
      msg: 'rate-limit-hits: pruning old windows failed.',
    })
  })

  it('the dossier sync: a failed fetch is recorded on the panel and logged with its error', async () => {
    const error = vi.fn()
    const update = vi.fn(async () => ({}))
    const payload = { update, logger: { error, warn: error } } as unknown as Payload
    const options = resolveOptions({ counters: { now: () => new Date('2030-01-01T00:00:00Z') } })
    const outcome = await syncDossierWidget(payload, options, { id: 3, sourceUrl: '' })
    expect(outcome).toEqual({ id: 3, ok: false, error: 'sourceUrl is empty.' })
    expect(error).toHaveBeenCalledWith({
      err: expect.objectContaining({ message: 'sourceUrl is empty.' }),
      msg: 'counter-widgets 3: dossier sync failed: sourceUrl is empty.',
    })
  })
})

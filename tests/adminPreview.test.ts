import { describe, expect, it, vi } from 'vitest'
import type { PayloadRequest } from 'payload'
import { resolveOptions } from '../plugin/index.js'
import { articlePreviewUrl } from '../features/content/previewUrl.js'

const reqWithCategory = (slug: string | null) =>
  ({
    payload: { findByID: async () => (slug === null ? null : { id: 7, slug }) },
  }) as unknown as PayloadRequest
const generate = (siteUrl?: string) => articlePreviewUrl(resolveOptions({ siteUrl }))

describe('"view on site" link of an article', () => {
  it('is the public path (primary category, then slug) on the site URL', async () => {
    const url = await generate('https://thanuyen.laichau.gov.vn/')(
      { slug: 'hoi-thao', primaryCategory: 7 },
      { req: reqWithCategory('tin-tuc-su-kien'), locale: 'vi', token: null },
    )
    expect(url).toBe('https://thanuyen.laichau.gov.vn/tin-tuc-su-kien/hoi-thao')
  })

  it('uses a populated primary category as it is, and a relative path without a site URL', async () => {
    vi.stubEnv('SERVER_URL', '')
    const url = await generate()(
      { slug: 'hoi-thao', primaryCategory: { id: 7, slug: 'kinh-te-xa-hoi' } },
      { req: reqWithCategory(null), locale: 'vi', token: null },
    )
    vi.unstubAllEnvs()
    expect(url).toBe('/kinh-te-xa-hoi/hoi-thao')
  })

  it('is the slug alone for an article without a category, and no link before the article has a slug', async () => {
    const options = { req: reqWithCategory(null), locale: 'vi', token: null }
    await expect(
      generate('https://example.vn')({ slug: 'hoi-thao', primaryCategory: null }, options),
    ).resolves.toBe('https://example.vn/hoi-thao')
    await expect(
      generate('https://example.vn')({ slug: '', primaryCategory: 7 }, options),
    ).resolves.toBeNull()
  })
})

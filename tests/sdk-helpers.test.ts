import fs from 'node:fs'
import path from 'node:path'
import type { cookies } from 'next/headers'
import { NextRequest, NextResponse } from 'next/server'
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import {
  articleJsonLd,
  browserSession,
  formatCount,
  formatDateLine,
  isPortalError,
  ratingLine,
  voterToken,
  type ReaderStore,
} from '../sdk/src/index.js'
import site from '../seed/fixtures/seed-site.json'

const seedPage = fs.readFileSync(
  path.resolve(__dirname, '..', 'seed', 'fixtures', 'seed-page.txt'),
  'utf8',
)

describe('helpers for Vietnamese pages', () => {
  it("formatDateLine writes the seed page's date line from the API's ISO string, a Date or an offset string", () => {
    expect(formatDateLine('2022-08-04T14:59:00.000Z')).toBe(site.article.dateLineAsShown)
    expect(formatDateLine(new Date(site.article.publishedAt))).toBe('Thứ năm - 04/08/2022 21:59')
    expect(formatDateLine(site.article.publishedAt)).toBe('Thứ năm - 04/08/2022 21:59')
    expect(seedPage).toContain(formatDateLine(site.article.publishedAt))
  })

  it('formatDateLine follows the site time zone across midnight, and takes another zone', () => {
    expect(formatDateLine('2022-08-06T17:00:00.000Z')).toBe('Chủ nhật - 07/08/2022 00:00')
    expect(formatDateLine('2022-08-06T16:59:00.000Z')).toBe('Thứ bảy - 06/08/2022 23:59')
    expect(formatDateLine('2024-12-31T17:30:00.000Z')).toBe('Thứ tư - 01/01/2025 00:30')
    expect(formatDateLine('2022-08-04T14:59:00.000Z', { timeZone: 'UTC' })).toBe(
      'Thứ năm - 04/08/2022 14:59',
    )
    expect(
      ['Thứ hai', 'Thứ ba', 'Thứ sáu'].map((day, i) =>
        formatDateLine(`2022-08-0${1 + [0, 1, 4][i]}T03:00:00Z`).startsWith(day),
      ),
    ).toEqual([true, true, true])
    expect(() => formatDateLine('not a date')).toThrow(
      'formatDateLine: "not a date" is not a date.',
    )
  })

  it("formatCount writes the visitor counter's figures with dots between thousands", () => {
    const { online, today, thisMonth, lastMonth, total } = site.visitorCounter
    expect([online, today, thisMonth, lastMonth, total].map(formatCount)).toEqual([
      '53',
      '13.933',
      '291.448',
      '453.141',
      '16.917.328',
    ])
    expect(formatCount(0)).toBe('0')
    expect(formatCount(1000)).toBe('1.000')
  })

  it("ratingLine writes the seed page's rating line", () => {
    expect(ratingLine(site.article.rating)).toBe(site.article.rating.lineAsShown)
    expect(seedPage).toContain(ratingLine({ total: 0, count: 0 }))
    expect(ratingLine({ total: 1234, count: 300 })).toBe(
      'Tổng số điểm của bài viết là: 1.234 trong 300 đánh giá',
    )
  })
})

describe('articleJsonLd', () => {
  const article = {
    title: site.article.title,
    lead: site.article.lead,
    publishedAt: '2022-08-04T14:59:00.000Z',
    updatedAt: '2022-08-05T01:00:00.000Z',
    byline: null,
    coverImage: {
      id: 1,
      url: '/api/media/file/quang-canh-hoi-thao.jpg',
      alt: 'Quang cảnh Hội thảo',
      caption: null,
      width: 1200,
      height: 675,
      mimeType: 'image/jpeg',
      sizes: null,
    },
    authors: [
      { id: 1, name: 'Mạnh Cường', slug: 'manh-cuong', pseudonym: null, bio: null, avatar: null },
    ],
    categories: [
      {
        id: 1,
        title: 'Tin tức - Sự kiện',
        slug: 'tin-tuc-su-kien',
        description: null,
        order: 1,
        parent: null,
      },
    ],
    source: {
      id: 1,
      title: 'Trung tâm VH, TT-TT Than Uyên',
      slug: 'trung-tam-vh-tt-tt-than-uyen',
      url: null,
      logo: null,
    },
    tags: null,
    rating: { total: 0, count: 0, average: 0 },
  }

  it('describes the seed article as a NewsArticle, without AggregateRating before any vote', () => {
    expect(
      articleJsonLd(article, {
        url: 'https://thanuyen.example.vn/tin-tuc-su-kien/hoi-thao',
        baseUrl: 'https://thanuyen.example.vn',
      }),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: site.article.title,
      description: site.article.lead,
      datePublished: '2022-08-04T14:59:00.000Z',
      dateModified: '2022-08-05T01:00:00.000Z',
      url: 'https://thanuyen.example.vn/tin-tuc-su-kien/hoi-thao',
      mainEntityOfPage: {
        '@type': 'WebPage',
        '@id': 'https://thanuyen.example.vn/tin-tuc-su-kien/hoi-thao',
      },
      image: ['https://thanuyen.example.vn/api/media/file/quang-canh-hoi-thao.jpg'],
      author: [{ '@type': 'Person', name: 'Mạnh Cường' }],
      articleSection: 'Tin tức - Sự kiện',
      sourceOrganization: { '@type': 'Organization', name: 'Trung tâm VH, TT-TT Than Uyên' },
    })
  })

  it('adds AggregateRating once there are votes, and falls back to the byline for the author', () => {
    const rated = articleJsonLd(
      { ...article, authors: [], byline: 'Thu Hà', rating: { total: 9, count: 2, average: 4.5 } },
      {
        publisher: { name: site.site.name },
      },
    )
    expect(rated.aggregateRating).toEqual({
      '@type': 'AggregateRating',
      ratingValue: 4.5,
      ratingCount: 2,
      bestRating: 5,
      worstRating: 1,
    })
    expect(rated.author).toEqual([{ '@type': 'Person', name: 'Thu Hà' }])
    expect(rated.publisher).toEqual({
      '@type': 'Organization',
      name: 'Trang Thông tin điện tử huyện Than Uyên',
    })
  })
})

describe('browserSession and voterToken', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  const memoryStorage = () => {
    const items = new Map<string, string>()
    return {
      items,
      storage: {
        getItem: (key: string) => items.get(key) ?? null,
        setItem: (key: string, value: string) => void items.set(key, value),
      },
    }
  }

  it('keeps the session id in sessionStorage and the voter token in localStorage', () => {
    const session = memoryStorage()
    const local = memoryStorage()
    vi.stubGlobal('document', {})
    vi.stubGlobal('sessionStorage', session.storage)
    vi.stubGlobal('localStorage', local.storage)
    const id = browserSession()
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(session.items.get('news-portal.session')).toBe(id)
    expect(browserSession()).toBe(id)
    const token = voterToken()
    expect(token).toMatch(/^[0-9a-f]{32}$/)
    expect(token).not.toBe(id)
    expect(local.items.get('news-portal.voter')).toBe(token)
    local.items.set('news-portal.voter', 'kept-from-last-visit')
    expect(voterToken()).toBe('kept-from-last-visit')
  })

  it('in a browser without storage or refused it (private mode), keeps the ids for the life of the page', () => {
    vi.stubGlobal('document', {})
    vi.stubGlobal('sessionStorage', undefined)
    const first = browserSession()
    expect(first).toMatch(/^[0-9a-f]{32}$/)
    expect(browserSession()).toBe(first)
    const refusing = {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      },
    }
    vi.stubGlobal('localStorage', refusing)
    const token = voterToken()
    expect(token).toMatch(/^[0-9a-f]{32}$/)
    expect(voterToken()).toBe(token)
    // Another page (another reader's browser) has its own document, so its own ids.
    vi.stubGlobal('document', {})
    expect(voterToken()).not.toBe(token)
    expect(browserSession()).not.toBe(first)
  })
})

describe('voterToken and browserSession on a server: one Node process, many readers', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it("give two readers each their own token and session, kept in each reader's own store", () => {
    const alice = new Map<string, string>()
    const bob = new Map<string, string>()
    const aliceToken = voterToken(alice)
    const bobToken = voterToken(bob)
    expect(aliceToken).toMatch(/^[0-9a-f]{32}$/)
    expect(bobToken).toMatch(/^[0-9a-f]{32}$/)
    expect(bobToken).not.toBe(aliceToken)
    expect([...alice]).toEqual([['news-portal.voter', aliceToken]])
    expect([...bob]).toEqual([['news-portal.voter', bobToken]])
    expect(voterToken(alice)).toBe(aliceToken)

    const aliceSession = browserSession(alice)
    const bobSession = browserSession(bob)
    expect(aliceSession).toMatch(/^[0-9a-f]{32}$/)
    expect(bobSession).not.toBe(aliceSession)
    expect(alice.get('news-portal.session')).toBe(aliceSession)
    expect(browserSession(bob)).toBe(bobSession)
    expect(voterToken(new Map([['news-portal.voter', 'kept-from-last-visit']]))).toBe(
      'kept-from-last-visit',
    )
  })

  it("keep a reader's token in their cookies across requests, through Next's cookie jars", () => {
    const serve = (cookie?: string) => {
      const request = new NextRequest('https://thanuyen.example.vn/tin-tuc-su-kien/hoi-thao', {
        headers: cookie ? { cookie } : {},
      })
      const response = NextResponse.next()
      const token = voterToken({
        get: (key) => request.cookies.get(key),
        set: (key, value) => response.cookies.set(key, value, { httpOnly: true, sameSite: 'lax' }),
      })
      return { token, setCookie: response.headers.get('set-cookie') }
    }
    const alice = serve()
    const bob = serve()
    expect(alice.token).not.toBe(bob.token)
    expect(alice.setCookie).toBe(`news-portal.voter=${alice.token}; Path=/; HttpOnly; SameSite=lax`)
    const again = serve(`news-portal.voter=${alice.token}`)
    expect(again).toEqual({ token: alice.token, setCookie: null })
  })

  it("without the reader's store, refuse with a PortalError that says how to pass it", () => {
    // A process-wide localStorage (Node with --localstorage-file, Deno) is shared by every reader.
    vi.stubGlobal('localStorage', { getItem: () => 'one-token-for-everyone', setItem: () => {} })
    const failures = [() => voterToken(), () => browserSession()].map((call) => {
      try {
        return call()
      } catch (error) {
        return isPortalError(error) && { code: error.code, message: error.message }
      }
    })
    expect(failures).toEqual([
      {
        code: 'STORE_REQUIRED',
        message:
          "voterToken() needs the reader's own store on a server: pass the request's cookies or any object with get(key) and set(key, value), e.g. voterToken(cookieJar).",
      },
      {
        code: 'STORE_REQUIRED',
        message:
          "browserSession() needs the reader's own store on a server: pass the request's cookies or any object with get(key) and set(key, value), e.g. browserSession(cookieJar).",
      },
    ])
  })

  it("accept Next's cookies() and a Web Storage object as the reader's store (types)", () => {
    expectTypeOf<Awaited<ReturnType<typeof cookies>>>().toExtend<ReaderStore>()
    expectTypeOf<Storage>().toExtend<ReaderStore>()
    expectTypeOf<Map<string, string>>().toExtend<ReaderStore>()
    expectTypeOf(voterToken).parameters.toEqualTypeOf<[store?: ReaderStore]>()
    expectTypeOf(browserSession).parameters.toEqualTypeOf<[store?: ReaderStore]>()
  })
})

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPortalClient } from '../sdk/src/index.js'
import { loadPage, renderPage } from '../sdk/examples/district-page/render.mjs'
import site from '../seed/fixtures/seed-site.json'

/** A portal on 127.0.0.1 serving the seed page's content and figures. */
const summary = (slug: string, title: string, publishedAt: string) => ({
  id: slug,
  title,
  slug,
  lead: null,
  publishedAt,
  coverImage: null,
  primaryCategory: { id: 1, title: 'Tin tức - Sự kiện', slug: 'tin-tuc-su-kien' },
  categories: [{ id: 1, title: 'Tin tức - Sự kiện', slug: 'tin-tuc-su-kien' }],
})
const answers: Record<string, unknown> = {
  ArticlePage: {
    article: {
      id: 1,
      title: site.article.title,
      slug: 'hoi-thao',
      lead: site.article.lead,
      bodyHtml: `<figure><img src="/api/media/file/quang-canh-hoi-thao.jpg" alt="Quang cảnh Hội thảo"><figcaption>Quang cảnh Hội thảo</figcaption></figure>${site.article.bodyParagraphs.map((p) => `<p>${p}</p>`).join('')}`,
      publishedAt: '2022-08-04T14:59:00.000Z',
      updatedAt: null,
      coverImage: null,
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
      authors: [
        { id: 1, name: 'Mạnh Cường', slug: 'manh-cuong', pseudonym: null, bio: null, avatar: null },
      ],
      byline: null,
      source: {
        id: 1,
        title: 'Trung tâm VH, TT-TT Than Uyên',
        slug: 'trung-tam',
        url: null,
        logo: null,
      },
      sourceUrl: null,
      tags: null,
      allowRatings: true,
      rating: { total: 0, count: 0, average: 0 },
      views: 0,
    },
    newer: [summary('moi-hon', 'Tin mới hơn <1>', '2022-08-20T01:00:00.000Z')],
    older: [summary('cu-hon', 'Tin cũ hơn & 2', '2022-07-20T01:00:00.000Z')],
  },
  VisitorStats: { ...site.visitorCounter, updatedAt: null },
  DossierStats: {
    title: site.dossierStats.title,
    agency: 'UBND huyện THAN UYÊN',
    period: site.dossierStats.period,
    levels: site.dossierStats.levels,
    received: 591,
    resolved: 662,
    overdue: 1,
    onTime: 662,
    onTimeRate: 99.85,
    overdueRate: 0.15,
    updatedAt: '2024-11-23T09:15:52.000Z',
  },
}

let server: http.Server
let endpoint: string
const requests: string[] = []

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      const { operationName } = JSON.parse(raw)
      requests.push(operationName)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ data: { [operationName]: answers[operationName] } }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/graphql`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

describe('examples/district-page', () => {
  it('renders every element of the seed page from three requests', async () => {
    const loaded = await loadPage(createPortalClient({ endpoint }), 'hoi-thao')
    expect(requests.sort()).toEqual(['ArticlePage', 'DossierStats', 'VisitorStats'])
    expect(loaded).not.toBeNull()
    const html: string = renderPage({
      siteName: site.site.name,
      page: loaded!.page,
      visitors: loaded!.visitors,
      dossier: loaded!.dossier,
    })
    for (const text of [
      `<title>${site.article.title} - ${site.site.name}</title>`,
      `<h1>${site.article.title}</h1>`,
      '<time datetime="2022-08-04T14:59:00.000Z">Thứ năm - 04/08/2022 21:59</time>',
      site.article.lead,
      '<figcaption>Quang cảnh Hội thảo</figcaption>',
      site.article.bodyParagraphs[2],
      'Tác giả: Mạnh Cường',
      'Nguồn tin: Trung tâm VH, TT-TT Than Uyên',
      'Tổng số điểm của bài viết là: 0 trong 0 đánh giá',
      '<h2>Những tin mới hơn</h2><ul><li><a href="/tin-tuc-su-kien/moi-hon">Tin mới hơn &lt;1&gt;</a>',
      '<h2>Những tin cũ hơn</h2><ul><li><a href="/tin-tuc-su-kien/cu-hon">Tin cũ hơn &amp; 2</a>',
      'TÌNH HÌNH GIẢI QUYẾT HỒ SƠ',
      'Đến tháng 11/2024',
      'UBND huyện THAN UYÊN đã giải quyết',
      '<li>Mức độ 2: 206</li><li>Mức độ 3: 25</li><li>Mức độ 4: 56</li>',
      'Đã tiếp nhận: 591',
      'Quá hạn: 1 - 0.15%',
      'Trước &amp; đúng hạn: 662 - 99.85%',
      '(tự động cập nhật vào lúc 16:15:52, 23/11/2024)',
      '<span>Đang truy cập</span> <strong>53</strong>',
      '<span>Hôm nay</span> <strong>13.933</strong>',
      '<span>Tháng trước</span> <strong>453.141</strong>',
      '<span>Tổng lượt truy cập</span> <strong>16.917.328</strong>',
    ]) {
      expect(html).toContain(text)
    }
    expect(html).toContain('<img src="/api/media/file/quang-canh-hoi-thao.jpg"')
  })

  it("makes the body's media URLs absolute on the portal's origin when given one", async () => {
    const loaded = await loadPage(createPortalClient({ endpoint }), 'hoi-thao')
    const origin = new URL(endpoint).origin
    const html: string = renderPage({ siteName: site.site.name, ...loaded!, portalOrigin: origin })
    expect(html).toContain(
      `<img src="${origin}/api/media/file/quang-canh-hoi-thao.jpg" alt="Quang cảnh Hội thảo">`,
    )
    expect(html).not.toContain('src="/')
    // Links to the site's own article pages stay relative to the page.
    expect(html).toContain('<a href="/tin-tuc-su-kien/moi-hon">')
  })
})

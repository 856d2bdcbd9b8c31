import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPayload } from 'payload'
import { startTestApp, type TestApp } from './helpers/app.js'
import { drawSeedPicture } from '../seed/image.js'
import { countQueries } from './helpers/queryCount.js'
import { imageNode, linkNode, paragraph, richText } from '../core/lexical.js'
import {
  renderBodyHtml,
  type BodyHtmlContext,
  type MediaForHtml,
} from '../features/content/bodyHtml.js'

let app: TestApp
let mediaId: string | number

beforeAll(async () => {
  app = await startTestApp()
  const data = await drawSeedPicture(320, 180)
  const media = await app.payload.create({
    collection: 'media',
    data: { alt: 'Quang cảnh "Hội thảo"', caption: 'Chú thích gốc' },
    file: { data, mimetype: 'image/jpeg', name: 'hoi-thao.jpg', size: data.length },
  })
  mediaId = media.id
})
afterAll(() => app?.close())

const publish = (data: Record<string, unknown>) =>
  app.payload.create({ collection: 'articles', data: { _status: 'published', ...data } })

describe('bodyHtml', () => {
  it('renders an image as a figure with alt and the caption given in the body', async () => {
    const doc = await publish({
      title: 'Ảnh',
      body: richText(imageNode(mediaId, 'Quang cảnh Hội thảo'), paragraph('Đoạn văn.')),
    })
    expect(doc.bodyHtml).toMatch(
      /^<figure><img src="\/api\/media\/file\/hoi-thao\.jpg" alt="Quang cảnh &quot;Hội thảo&quot;" width="320" height="180" loading="lazy" \/><figcaption>Quang cảnh Hội thảo<\/figcaption><\/figure><p>Đoạn văn\.<\/p>$/,
    )
  })

  it("falls back to the image's own caption", async () => {
    const doc = await publish({ title: 'Ảnh 2', body: richText(imageNode(mediaId)) })
    expect(doc.bodyHtml).toContain('<figcaption>Chú thích gốc</figcaption>')
  })

  it('escapes a <script> typed as text', async () => {
    const doc = await publish({
      title: 'XSS',
      body: richText(paragraph('<script>alert("x")</script> & co')),
    })
    expect(doc.bodyHtml).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</p>')
    expect(doc.bodyHtml).not.toContain('<script>')
  })

  it('neutralises javascript: links and keeps safe ones', async () => {
    const doc = await publish({
      title: 'Links',
      body: richText(
        paragraph(
          linkNode({ url: 'javascript:alert(1)' }, 'bad'),
          ' ',
          linkNode({ url: 'JaVaScRiPt:alert(1)' }, 'bad2'),
        ),
        paragraph(linkNode({ url: 'https://thanuyen.laichau.gov.vn/?a=1&b=2' }, 'good')),
      ),
    })
    expect(doc.bodyHtml).not.toMatch(/javascript:/i)
    expect(doc.bodyHtml).toContain(
      '<a href="https://thanuyen.laichau.gov.vn/?a=1&amp;b=2">good</a>',
    )
    expect(doc.bodyHtml).toContain('>bad</a>')
  })

  it('links to another article by its public path', async () => {
    const category = await app.payload.create({
      collection: 'categories',
      data: { title: 'Tin tức - Sự kiện' },
    })
    const target = await publish({ title: 'Bài đích', categories: [category.id] })
    const doc = await publish({
      title: 'Bài dẫn',
      body: richText(paragraph(linkNode({ articleId: target.id }, 'xem'))),
    })
    expect(doc.bodyHtml).toBe('<p><a href="/tin-tuc-su-kien/bai-dich">xem</a></p>')
  })

  it('ignores a bodyHtml sent by a client', async () => {
    const doc = await publish({
      title: 'Forged',
      body: richText(paragraph('real')),
      bodyHtml: '<img src=x onerror=alert(1)>',
    })
    expect(doc.bodyHtml).toBe('<p>real</p>')
    const updated = await app.payload.update({
      collection: 'articles',
      id: doc.id,
      data: { bodyHtml: '<script>x</script>' },
    })
    expect(updated.bodyHtml).toBe('<p>real</p>')
  })

  it('is rendered per locale', async () => {
    const doc = await publish({ title: 'Song ngữ', body: richText(paragraph('Tiếng Việt')) })
    await app.payload.update({
      collection: 'articles',
      id: doc.id,
      locale: 'en',
      data: { title: 'Bilingual', body: richText(paragraph('English')) },
    })
    const vi = await app.payload.findByID({ collection: 'articles', id: doc.id, locale: 'vi' })
    const en = await app.payload.findByID({ collection: 'articles', id: doc.id, locale: 'en' })
    expect([vi.bodyHtml, en.bodyHtml]).toEqual(['<p>Tiếng Việt</p>', '<p>English</p>'])
  })
})

describe('primaryCategory', () => {
  it('follows the first category and cannot be set by a client', async () => {
    const [a, b] = await Promise.all(
      ['Thời sự', 'Kinh tế'].map((title) =>
        app.payload.create({ collection: 'categories', data: { title } }),
      ),
    )
    const doc = await publish({
      title: 'Hai chuyên mục',
      categories: [b.id, a.id],
      primaryCategory: a.id,
    })
    expect(doc.primaryCategory).toMatchObject({ id: b.id })
    const swapped = await app.payload.update({
      collection: 'articles',
      id: doc.id,
      data: { categories: [a.id] },
      depth: 0,
    })
    expect(swapped.primaryCategory).toBe(a.id)
    const forged = await app.payload.update({
      collection: 'articles',
      id: doc.id,
      data: { primaryCategory: b.id },
      depth: 0,
    })
    expect(forged.primaryCategory).toBe(a.id)
    const cleared = await app.payload.update({
      collection: 'articles',
      id: doc.id,
      data: { categories: [] },
      depth: 0,
    })
    expect(cleared.primaryCategory ?? null).toBeNull()
  })
})

describe('upload nodes render only media that exists', () => {
  const forgedImage = (value: Record<string, unknown>) => ({
    ...imageNode(0),
    value,
  })

  it('an unknown media id renders nothing, whatever the node carries (no client url, sizes or type)', async () => {
    const doc = await publish({
      title: 'Ảnh giả',
      body: richText(
        forgedImage({
          id: 987654,
          url: 'javascript:alert(1)',
          filename: 'x.pdf',
          mimeType: 'application/pdf',
        }),
        forgedImage({
          id: 987655,
          url: '/ok.jpg',
          width: '1" onload="alert(1)',
          height: 2,
          mimeType: 'image/jpeg',
        }),
        paragraph('Đoạn sau.'),
      ),
    })
    expect(doc.bodyHtml).toBe('<p>Đoạn sau.</p>')
  })

  it('a node naming existing media renders that media, not the url and sizes it carries', async () => {
    const doc = await publish({
      title: 'Ảnh thật, giá trị giả',
      body: richText(
        forgedImage({ id: mediaId, url: 'javascript:alert(1)', width: '9" onload="x', height: 1 }),
      ),
    })
    expect(doc.bodyHtml).toContain(
      '<img src="/api/media/file/hoi-thao.jpg" alt="Quang cảnh &quot;Hội thảo&quot;" width="320" height="180" loading="lazy" />',
    )
    expect(doc.bodyHtml).not.toContain('javascript:')
    expect(doc.bodyHtml).not.toContain('onload')
  })
})

describe('renderBodyHtml keeps media URLs and sizes safe', () => {
  const media = (fields: Partial<MediaForHtml>): BodyHtmlContext => ({
    media: new Map([['7', { id: 7, alt: 'a', mimeType: 'image/png', ...fields }]]),
  })
  const body = richText(imageNode(7))

  for (const url of [
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example/x.png',
    '/\\evil.example/x.png',
    'vbscript:x',
    'x.png',
  ]) {
    it(`refuses the media url ${JSON.stringify(url)} (only http(s) or site-relative)`, () => {
      expect(renderBodyHtml(body, media({ url }))).toBe('')
      expect(
        renderBodyHtml(body, media({ url, mimeType: 'application/pdf', filename: 'x.pdf' })),
      ).toBe('')
    })
  }

  it('keeps http(s) and site-relative urls, escaped', () => {
    expect(renderBodyHtml(body, media({ url: 'https://cdn.example.vn/a.png?x=1&y="2"' }))).toBe(
      '<figure><img src="https://cdn.example.vn/a.png?x=1&amp;y=&quot;2&quot;" alt="a" loading="lazy" /></figure>',
    )
    expect(renderBodyHtml(body, media({ url: '/api/media/file/a b.png' }))).toBe(
      '<figure><img src="/api/media/file/a b.png" alt="a" loading="lazy" /></figure>',
    )
  })

  it('writes width and height only as positive integers', () => {
    const html = (width: unknown, height: unknown) =>
      renderBodyHtml(
        body,
        media({ url: '/a.png', width: width as number, height: height as number }),
      )
    expect(html(640, 360)).toContain(' width="640" height="360" ')
    for (const [width, height] of [
      [640.5, 360],
      ['640', 360],
      ['1" onload="alert(1)', 360],
      [640, -1],
      [0, 360],
      [640, Number.POSITIVE_INFINITY],
    ])
      expect(html(width, height)).toBe(
        '<figure><img src="/a.png" alt="a" loading="lazy" /></figure>',
      )
  })
})

describe('internal links to articles that are not public', () => {
  const DAY = 86_400_000
  const anonymousBodyHtml = async (id: string | number) => {
    const rest = (await (await app.rest('GET', `/articles/${id}`)).json()) as { bodyHtml: string }
    const gql = await app.graphql(`query ($id: Int!) { Article(id: $id) { bodyHtml } }`, {
      id: Number(id),
    })
    expect(gql.data.Article.bodyHtml).toBe(rest.bodyHtml)
    return rest.bodyHtml
  }
  const linkTo = async (title: string, target: string | number) =>
    publish({
      title,
      body: richText(paragraph('Xem ', linkNode({ articleId: target }, 'bài liên quan'), '.')),
    })
  const TEXT_ONLY = '<p>Xem bài liên quan.</p>'

  it('a draft, a scheduled and an expired target render as text, their slug nowhere', async () => {
    const now = Date.now()
    const targets = [
      await app.payload.create({
        collection: 'articles',
        draft: true,
        data: { title: 'Nháp bí mật một', _status: 'draft' },
      }),
      await publish({
        title: 'Hẹn giờ bí mật một',
        publishedAt: new Date(now + 30 * DAY).toISOString(),
      }),
      await publish({
        title: 'Hết hạn bí mật một',
        publishedAt: new Date(now - 10 * DAY).toISOString(),
        expiresAt: new Date(now - DAY).toISOString(),
      }),
    ]
    for (const [index, target] of targets.entries()) {
      const linking = await linkTo(`Bài dẫn số ${index + 1}`, target.id)
      expect(linking.bodyHtml).toBe(TEXT_ONLY)
      expect(await anonymousBodyHtml(linking.id)).toBe(TEXT_ONLY)
      // Nor in what is stored.
      const stored = await app.payload.db.findOne({
        collection: 'articles',
        where: { id: { equals: linking.id } },
      })
      expect(JSON.stringify(stored)).not.toContain(target.slug as string)
    }
  })

  it('the link appears when the target is published, and goes when it is unpublished', async () => {
    const target = await app.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: 'Sắp đăng', _status: 'draft' },
    })
    const linking = await linkTo('Bài dẫn tới bài sắp đăng', target.id)
    expect(await anonymousBodyHtml(linking.id)).toBe(TEXT_ONLY)

    await app.payload.update({
      collection: 'articles',
      id: target.id,
      data: { _status: 'published' },
    })
    const linked = '<p>Xem <a href="/sap-dang">bài liên quan</a>.</p>'
    expect(await anonymousBodyHtml(linking.id)).toBe(linked)

    await app.payload.update({ collection: 'articles', id: target.id, data: { _status: 'draft' } })
    expect(await anonymousBodyHtml(linking.id)).toBe(TEXT_ONLY)
  })

  it("the link appears when a scheduled target's publishedAt arrives, with no save", async () => {
    const publishedAt = Date.now() + 3_000
    const target = await publish({
      title: 'Đăng sau ba giây',
      publishedAt: new Date(publishedAt).toISOString(),
    })
    const linking = await linkTo('Bài dẫn tới bài hẹn giờ', target.id)
    expect(await anonymousBodyHtml(linking.id)).toBe(TEXT_ONLY)
    await new Promise((resolve) => setTimeout(resolve, publishedAt + 100 - Date.now()))
    expect(await anonymousBodyHtml(linking.id)).toBe(
      '<p>Xem <a href="/dang-sau-ba-giay">bài liên quan</a>.</p>',
    )
  })

  it('a deleted target renders as text', async () => {
    const target = await publish({ title: 'Sẽ bị xóa' })
    const linking = await linkTo('Bài dẫn tới bài sẽ bị xóa', target.id)
    expect(await anonymousBodyHtml(linking.id)).toBe(
      '<p>Xem <a href="/se-bi-xoa">bài liên quan</a>.</p>',
    )
    await app.payload.delete({ collection: 'articles', id: target.id })
    expect(await anonymousBodyHtml(linking.id)).toBe(TEXT_ONLY)
  })

  it('the links of a whole list are resolved together: one query of their targets', async () => {
    const category = await app.payload.create({
      collection: 'categories',
      data: { title: 'Liên kết hàng loạt' },
    })
    const targets = await Promise.all(
      [1, 2, 3].map((n) => publish({ title: `Đích hàng loạt ${n}`, categories: [category.id] })),
    )
    for (const n of [0, 1, 2, 3, 4, 5])
      await publish({
        title: `Dẫn hàng loạt ${n}`,
        tags: ['hang-loat'],
        body: richText(paragraph(linkNode({ articleId: targets[n % 3].id }, `đích ${n}`))),
      })
    let docs: Array<{ title: string; bodyHtml: string }> = []
    // The instance the route handlers serve from (Payload's own, by config).
    const served = await getPayload({ config: app.config })
    const { calls } = await countQueries(served, async () => {
      const response = await app.rest(
        'GET',
        '/articles?where[tags][equals]=hang-loat&limit=10&depth=0&sort=title',
      )
      docs = ((await response.json()) as { docs: typeof docs }).docs
    })
    expect(docs.map((doc) => doc.bodyHtml)).toEqual(
      [0, 1, 2, 3, 4, 5].map(
        (n) => `<p><a href="/lien-ket-hang-loat/dich-hang-loat-${(n % 3) + 1}">đích ${n}</a></p>`,
      ),
    )
    // The list itself, then its six bodies' three targets in one query (and their categories).
    expect(calls.filter((call) => call === 'find:articles')).toHaveLength(2)
    expect(calls.filter((call) => call === 'find:categories')).toHaveLength(1)
  })
})

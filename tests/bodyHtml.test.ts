import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { drawSeedPicture } from '../seed/image.js'
import { imageNode, linkNode, paragraph, richText } from '../core/lexical.js'

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

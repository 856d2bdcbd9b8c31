import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { addSite, defaultSite, onSite, userOn, type TestSite } from './helpers/sites.js'

// Links that keep working: an article's or category's old slug leads to it (its current slug
// tells a front end to answer 301), stays reserved on its site, and obeys the public rules.
let app: TestApp
let a: TestSite
let b: TestSite
type Id = string | number

const PAGE = `query ($slug: String!) { ArticlePage(slug: $slug) { article { id slug title } } }`
const page = async (slug: string, headers?: Record<string, string>) => {
  const result = await app.graphql(PAGE, { slug }, { headers })
  expect(result.errors).toBeUndefined()
  return result.data.ArticlePage?.article ?? null
}
const CATEGORY = `query ($slug: String!) { CategoryBySlug(slug: $slug) { id slug title } }`
const category = async (slug: string, headers?: Record<string, string>) => {
  const result = await app.graphql(CATEGORY, { slug }, { headers })
  expect(result.errors).toBeUndefined()
  return result.data.CategoryBySlug
}

const create = async (collection: 'articles' | 'categories', data: Record<string, unknown>) =>
  (await app.payload.create({
    collection,
    data: { _status: 'published', site: a.id, ...data } as never,
  })) as unknown as { id: Id; slug: string }
const rename = async (collection: 'articles' | 'categories', id: Id, slug: string) =>
  (await app.payload.update({ collection, id, data: { slug } as never })) as unknown as {
    slug: string
  }

beforeAll(async () => {
  app = await startTestApp()
  a = await defaultSite(app)
  b = await addSite(app, { name: 'Xã Mường Kim' })
})
afterAll(() => app?.close())

describe('an article whose slug changed', () => {
  it('is found by its old slug, with its current slug', async () => {
    const doc = await create('articles', { title: 'Hội nghị tổng kết' })
    await rename('articles', doc.id, 'hoi-nghi-tong-ket-nam-2026')
    expect(await page('hoi-nghi-tong-ket')).toEqual({
      id: doc.id,
      slug: 'hoi-nghi-tong-ket-nam-2026',
      title: 'Hội nghị tổng kết',
    })
    expect((await page('hoi-nghi-tong-ket-nam-2026'))?.id).toBe(doc.id)
  })

  it('after two renames, both old slugs lead to it', async () => {
    const doc = await create('articles', { title: 'Đón Tết' })
    await rename('articles', doc.id, 'don-tet-2')
    await rename('articles', doc.id, 'don-tet-binh-ngo')
    expect((await page('don-tet'))?.slug).toBe('don-tet-binh-ngo')
    expect((await page('don-tet-2'))?.slug).toBe('don-tet-binh-ngo')
  })

  it('keeps its old slug reserved on its site: a new article gets -2, one on another site does not', async () => {
    const doc = await create('articles', { title: 'Lễ hội hoa ban' })
    await rename('articles', doc.id, 'le-hoi-hoa-ban-2026')
    const newcomer = await create('articles', { title: 'Lễ hội hoa ban' })
    const elsewhere = await create('articles', { title: 'Lễ hội hoa ban', site: b.id })
    expect([newcomer.slug, elsewhere.slug]).toEqual(['le-hoi-hoa-ban-2', 'le-hoi-hoa-ban'])
    // An explicit slug is treated the same way.
    const explicit = await create('articles', { title: 'Khác', slug: 'le-hoi-hoa-ban' })
    expect(explicit.slug).toBe('le-hoi-hoa-ban-3')
    expect((await page('le-hoi-hoa-ban'))?.id).toBe(doc.id)
    expect((await page('le-hoi-hoa-ban', onSite(b)))?.id).toBe(elsewhere.id)
  })

  it('may take back its own old slug, which is then its slug again', async () => {
    const doc = await create('articles', { title: 'Mùa lúa chín' })
    await rename('articles', doc.id, 'mua-lua-chin-mu-cang-chai')
    expect((await rename('articles', doc.id, 'mua-lua-chin')).slug).toBe('mua-lua-chin')
    const rows = await app.payload.find({
      collection: 'slug-redirects' as never,
      where: { doc: { equals: String(doc.id) } },
      depth: 0,
    })
    expect(rows.docs.map((row) => (row as unknown as { oldSlug: string }).oldSlug)).toEqual([
      'mua-lua-chin-mu-cang-chai',
    ])
    expect((await page('mua-lua-chin-mu-cang-chai'))?.slug).toBe('mua-lua-chin')
  })

  it('old slugs follow the public rules: a draft, scheduled or expired article resolves to null', async () => {
    const draft = await create('articles', { title: 'Tin nháp cũ' })
    await rename('articles', draft.id, 'tin-nhap-moi')
    await app.payload.update({
      collection: 'articles',
      id: draft.id,
      data: { _status: 'draft' } as never,
    })
    const expired = await create('articles', {
      title: 'Tin hết hạn cũ',
      publishedAt: '2025-01-01T00:00:00.000Z',
      expiresAt: '2025-02-01T00:00:00.000Z',
    })
    await rename('articles', expired.id, 'tin-het-han-moi')
    const scheduled = await create('articles', {
      title: 'Tin hẹn giờ cũ',
      publishedAt: '2099-01-01T00:00:00.000Z',
    })
    await rename('articles', scheduled.id, 'tin-hen-gio-moi')
    expect(await page('tin-nhap-cu')).toBeNull()
    expect(await page('tin-het-han-cu')).toBeNull()
    expect(await page('tin-hen-gio-cu')).toBeNull()
    // On another site the old slug names nothing.
    const live = await create('articles', { title: 'Tin còn hạn' })
    await rename('articles', live.id, 'tin-con-han-moi')
    expect(await page('tin-con-han', onSite(b))).toBeNull()
    expect((await page('tin-con-han'))?.id).toBe(live.id)
  })

  it('a deleted article frees its old slugs', async () => {
    const doc = await create('articles', { title: 'Bài sẽ xóa' })
    await rename('articles', doc.id, 'bai-da-xoa')
    await app.payload.delete({ collection: 'articles', id: doc.id })
    expect(await page('bai-se-xoa')).toBeNull()
    expect((await create('articles', { title: 'Bài sẽ xóa' })).slug).toBe('bai-se-xoa')
  })

  it('the old-slug table is neither public nor writable through the API', async () => {
    const list = await app.rest('GET', '/slug-redirects')
    expect(list.status).toBe(403)
    const { token } = await userOn(app, 'bientap@tinh.vn', ['editor'], [a])
    const write = await app.rest('POST', '/slug-redirects', {
      token,
      body: { collection: 'articles', oldSlug: 'x', doc: '1', site: a.id },
    })
    expect(write.status).toBe(403)
  })
})

describe('a category whose slug changed', () => {
  it('CategoryBySlug finds it by its old slug, with its current slug; the old slug stays reserved', async () => {
    const doc = await create('categories', { title: 'Chính sách mới' })
    await rename('categories', doc.id, 'chinh-sach-phap-luat')
    expect(await category('chinh-sach-moi')).toEqual({
      id: doc.id,
      slug: 'chinh-sach-phap-luat',
      title: 'Chính sách mới',
    })
    expect((await category('chinh-sach-phap-luat'))?.id).toBe(doc.id)
    expect(await category('chinh-sach-moi', onSite(b))).toBeNull()
    expect(await category('khong-co')).toBeNull()
    expect((await create('categories', { title: 'Chính sách mới' })).slug).toBe('chinh-sach-moi-2')
  })
})

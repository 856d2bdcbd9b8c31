import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { seed, seedArticle, type SeedResult } from '../seed/index.js'
import { communeArticles, communeSites } from '../seed/sites.js'

let app: TestApp
let first: SeedResult

beforeAll(async () => {
  app = await startTestApp()
  first = await seed(app.payload, { log: false })
})
afterAll(() => app?.close())

describe('the demo seed', () => {
  it('creates the seed page content on an empty database', () => {
    expect(first.created).toEqual({
      users: 2,
      categories: 3,
      authors: 1,
      sources: 1,
      media: 1,
      articles: 42,
      pages: 3,
      sites: 0,
    })
    expect(first.admin).toEqual({ email: 'admin@example.com', password: 'admin-demo-123' })
  })

  it('is idempotent: a second run creates nothing', async () => {
    const counts = async () =>
      Promise.all(
        (['users', 'categories', 'authors', 'sources', 'media', 'articles', 'pages'] as const).map(
          async (collection) => (await app.payload.count({ collection })).totalDocs,
        ),
      )
    const before = await counts()
    const second = await seed(app.payload, { log: false })
    expect(second.created).toEqual({
      users: 0,
      categories: 0,
      authors: 0,
      sources: 0,
      media: 0,
      articles: 0,
      pages: 0,
      sites: 0,
    })
    expect(second.admin.password).toBeNull()
    expect(await counts()).toEqual(before)
  })

  it('the seed article is found by its slug with its author, source, date and captioned picture', async () => {
    const res = await app.graphql(
      `query ($slug: String!) { Articles(where: { slug: { equals: $slug } }) { docs {
        title publishedAt authors { name } source { title } categories { slug } bodyHtml coverImage { alt caption }
      } } }`,
      { slug: 'hoi-thao-chia-se-kinh-nghiem-thuc-hien-cac-tieu-du-an-cong-dong' },
    )
    const [article] = res.data.Articles.docs
    expect(article.title).toBe('Hội thảo chia sẻ kinh nghiệm thực hiện các tiểu dự án cộng đồng')
    expect(article.publishedAt).toBe('2022-08-04T14:59:00.000Z')
    expect(seedArticle.publishedAt).toBe('2022-08-04T14:59:00.000Z')
    expect(article.authors.map((author: { name: string }) => author.name)).toEqual(['Mạnh Cường'])
    expect(article.source.title).toBe('Trung tâm VH, TT-TT Than Uyên')
    expect(article.categories.map((category: { slug: string }) => category.slug)).toEqual([
      'tin-tuc-su-kien',
    ])
    expect(article.coverImage).toEqual({
      alt: 'Quang cảnh Hội thảo',
      caption: 'Quang cảnh Hội thảo',
    })
    expect(article.bodyHtml).toMatch(
      /^<figure><img [^>]*alt="Quang cảnh Hội thảo"[^>]*><figcaption>Quang cảnh Hội thảo<\/figcaption><\/figure>/,
    )
    expect(article.bodyHtml.match(/<p>/g)).toHaveLength(3)
    expect(article.bodyHtml).toContain('<p>Dự án được thực hiện ở bản Thẳm Phé')
  })

  it('has 37 public articles over 3 categories spread over two years, and hides the rest', async () => {
    const all = await app.payload.find({
      collection: 'articles',
      limit: 0,
      pagination: false,
      depth: 1,
      draft: true,
    })
    const visible = await app.payload.find({
      collection: 'articles',
      limit: 0,
      pagination: false,
      depth: 1,
      overrideAccess: false,
    })
    expect(all.docs).toHaveLength(42)
    expect(visible.docs).toHaveLength(37)
    const perCategory = new Map<string, number>()
    for (const doc of visible.docs) {
      const slug = (doc.categories as Array<{ slug: string }>)[0].slug
      perCategory.set(slug, (perCategory.get(slug) ?? 0) + 1)
    }
    expect(Object.fromEntries(perCategory)).toEqual({
      'tin-tuc-su-kien': 13,
      'kinh-te-xa-hoi': 12,
      'van-hoa-the-thao': 12,
    })
    const dates = visible.docs
      .map((doc) => Date.parse(doc.publishedAt as string))
      .sort((a, b) => a - b)
    const spanDays = (dates[dates.length - 1] - dates[0]) / 86_400_000
    expect(spanDays).toBeGreaterThanOrEqual(700)
    expect(spanDays).toBeLessThanOrEqual(731)

    const hidden = all.docs.filter((doc) => !visible.docs.some((shown) => shown.id === doc.id))
    const now = Date.now()
    const kinds = hidden.map((doc) =>
      doc._status === 'draft'
        ? 'draft'
        : Date.parse(doc.publishedAt as string) > now
          ? 'scheduled'
          : doc.expiresAt && Date.parse(doc.expiresAt as string) < now
            ? 'expired'
            : 'public?',
    )
    expect(kinds.sort()).toEqual(['draft', 'draft', 'draft', 'expired', 'scheduled'])
  })
  it('creates the standing pages in Vietnamese and English, published, "Cơ cấu tổ chức" under "Giới thiệu"', async () => {
    const query = `query ($locale: LocaleInputType) {
      Pages(sort: "createdAt", locale: $locale) { docs { title slug bodyHtml parent { slug } } }
    }`
    const vi = await app.graphql(query, { locale: 'vi' })
    const en = await app.graphql(query, { locale: 'en' })
    expect(vi.errors).toBeUndefined()
    const summary = (
      docs: Array<{ title: string; slug: string; parent: { slug: string } | null }>,
    ) => docs.map((doc) => [doc.title, doc.slug, doc.parent?.slug ?? null])
    expect(summary(vi.data.Pages.docs)).toEqual([
      ['Giới thiệu', 'gioi-thieu', null],
      ['Cơ cấu tổ chức', 'co-cau-to-chuc', 'gioi-thieu'],
      ['Liên hệ', 'lien-he', null],
    ])
    expect(summary(en.data.Pages.docs)).toEqual([
      ['About', 'gioi-thieu', null],
      ['Organisation', 'co-cau-to-chuc', 'gioi-thieu'],
      ['Contact', 'lien-he', null],
    ])
    expect(vi.data.Pages.docs[2].bodyHtml).toBe(
      '<p>Văn phòng HĐND và UBND huyện Than Uyên. Điện thoại: 0213 3784 224.</p>',
    )
    expect(en.data.Pages.docs[2].bodyHtml).toBe(
      '<p>Office of the Than Uyen district People&#39;s Council and Committee. Phone: 0213 3784 224.</p>',
    )
  })
})

describe('the demo seed on sites', () => {
  type SiteDoc = { id: number; name: string; slug: string; isDefault: boolean; timeZone: string }
  const sites = async () =>
    (
      await app.payload.find({
        collection: 'sites' as never,
        sort: 'createdAt',
        depth: 0,
        limit: 0,
        locale: 'vi',
      })
    ).docs as unknown as SiteDoc[]
  const onSite = async (collection: 'articles' | 'categories' | 'counter-widgets', site: number) =>
    (
      await app.payload.find({
        collection: collection as never,
        where: { site: { equals: site } },
        sort: 'createdAt',
        depth: 0,
        limit: 0,
        draft: true,
      })
    ).docs as unknown as Array<Record<string, unknown>>

  it('makes the default site the Than Uyên site, holding all of its content and its editor', async () => {
    const [thanUyen] = await sites()
    expect(thanUyen).toMatchObject({
      name: 'Trang Thông tin điện tử huyện Than Uyên',
      slug: 'than-uyen',
      isDefault: true,
      timeZone: 'Asia/Ho_Chi_Minh',
    })
    expect(await onSite('articles', thanUyen.id)).toHaveLength(42)
    expect(await onSite('categories', thanUyen.id)).toHaveLength(3)
    expect((await onSite('counter-widgets', thanUyen.id)).map((doc) => doc.kind).sort()).toEqual([
      'dossier-stats',
      'visitors',
    ])
    const { docs } = await app.payload.find({
      collection: 'users',
      where: { email: { equals: 'editor@example.com' } },
      depth: 0,
    })
    expect((docs[0] as { sites?: unknown }).sites).toEqual([thanUyen.id])
  })

  it('with communes (npm run dev, npm run seed), adds two commune sites with their own articles, category and counter; once', async () => {
    const withCommunes = await seed(app.payload, { log: false, communes: true })
    expect(withCommunes.created).toEqual({
      users: 0,
      categories: 2,
      authors: 0,
      sources: 0,
      media: 0,
      articles: 6,
      pages: 0,
      sites: 2,
    })
    const [, ...communes] = await sites()
    expect(communes.map(({ name, slug, isDefault }) => ({ name, slug, isDefault }))).toEqual([
      { name: 'Trang Thông tin điện tử xã Mường Kim', slug: 'xa-muong-kim', isDefault: false },
      { name: 'Trang Thông tin điện tử xã Pha Mu', slug: 'xa-pha-mu', isDefault: false },
    ])
    for (const [i, commune] of communes.entries()) {
      const articles = await onSite('articles', commune.id)
      expect(articles.map((doc) => [doc.title, doc._status])).toEqual(
        communeArticles(communeSites[i]).map((article) => [article.title, 'published']),
      )
      const categories = await onSite('categories', commune.id)
      expect(categories.map((doc) => doc.title)).toEqual(['Tin tức - Sự kiện'])
      expect(articles.every((doc) => String(doc.categories) === String(categories[0].id))).toBe(
        true,
      )
      const widgets = await onSite('counter-widgets', commune.id)
      expect(widgets.map((doc) => [doc.kind, (doc.baseline as { total: number }).total])).toEqual([
        ['visitors', communeSites[i].visitors.total],
      ])
    }
    const again = await seed(app.payload, { log: false, communes: true })
    expect(Object.values(again.created).every((n) => n === 0)).toBe(true)
  })
})

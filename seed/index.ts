import crypto from 'node:crypto'
import type { Payload, Where } from 'payload'
import site from './fixtures/seed-site.json'
import { drawSeedPicture } from './image.js'
import {
  generatedArticles,
  generatedCategories,
  hiddenArticles,
  type GeneratedArticle,
} from './generated.js'
import { imageNode, paragraph, richText } from '../core/lexical.js'
import { slugify } from '../core/slugify.js'
import { seedWidgets } from './widgets.js'
import { onSeedSite, seedCommunes, seedDefaultSite } from './sites.js'
import { seedStandingPages } from './pages.js'

export interface SeedResult {
  /** How many documents of each collection this run created (all zero on a second run); communes' included. */
  created: Record<
    'users' | 'categories' | 'authors' | 'sources' | 'media' | 'articles' | 'pages' | 'sites',
    number
  >
  admin: { email: string; password: string | null }
}

const DEFAULT_ADMIN = { email: 'admin@example.com', password: 'admin-demo-123' }
const DEFAULT_EDITOR = { email: 'editor@example.com', password: 'editor-demo-123' }

/** The seed page's article, as it is stored. */
export const seedArticle = {
  title: site.article.title,
  slug: slugify(site.article.title),
  publishedAt: new Date(site.article.publishedAt).toISOString(),
}

/**
 * Loads the demo content on the default site, which becomes the Than Uyên site: the seed page's
 * article with its author, source and captioned picture, 36 generated articles over three
 * categories, and drafts, a scheduled and an expired article. With `communes` (what `npm run dev`
 * and `npm run seed` do), two commune sites with a few articles, a category and a visitor counter
 * each (seed/sites.ts). Authors and sources are shared by every site.
 * Idempotent: whatever already exists (by email, slug, title or filename) is left as it is.
 */
export async function seed(
  payload: Payload,
  { log = true, communes = false }: { log?: boolean; communes?: boolean } = {},
): Promise<SeedResult> {
  const created: SeedResult['created'] = {
    users: 0,
    categories: 0,
    authors: 0,
    sources: 0,
    media: 0,
    articles: 0,
    pages: 0,
    sites: 0,
  }
  const say = (message: string) => log && payload.logger.info(message)

  const ensure = async <T extends { id: string | number }>(
    collection: Exclude<keyof SeedResult['created'], 'sites' | 'pages'>,
    where: Where,
    create: () => Promise<T>,
  ): Promise<T> => {
    const found = await payload.find({
      collection,
      where,
      limit: 1,
      depth: 0,
      overrideAccess: true,
      draft: true,
    })
    if (found.docs[0]) return found.docs[0] as unknown as T
    created[collection] += 1
    return create()
  }

  // The default site is the Than Uyên site; its documents say so (and those stored before sites count).
  const thanUyen = await seedDefaultSite(payload)
  const onThanUyen = onSeedSite(thanUyen, true)

  const adminEmail = process.env.ADMIN_EMAIL || DEFAULT_ADMIN.email
  // A production seed never uses the published demo password.
  const adminPassword =
    process.env.ADMIN_PASSWORD ||
    (process.env.NODE_ENV === 'production'
      ? crypto.randomBytes(12).toString('base64url')
      : DEFAULT_ADMIN.password)
  const usersBefore = created.users
  await ensure('users', { email: { equals: adminEmail } }, () =>
    payload.create({
      collection: 'users',
      data: { email: adminEmail, password: adminPassword, name: 'Quản trị', roles: ['admin'] },
    }),
  )
  const adminCreated = created.users > usersBefore
  // The demo editor (known password) exists only outside production.
  if (process.env.NODE_ENV !== 'production') {
    await ensure('users', { email: { equals: DEFAULT_EDITOR.email } }, () =>
      payload.create({
        collection: 'users',
        data: {
          email: DEFAULT_EDITOR.email,
          password: DEFAULT_EDITOR.password,
          name: 'Biên tập viên',
          roles: ['editor'],
          sites: [thanUyen],
        },
      }),
    )
  }

  const categories = new Map<string, string | number>()
  for (const category of generatedCategories) {
    const doc = await ensure(
      'categories',
      { and: [{ slug: { equals: category.slug } }, onThanUyen] },
      () =>
        payload.create({
          collection: 'categories',
          locale: 'vi',
          data: { ...category, site: thanUyen },
        }),
    )
    categories.set(category.slug, doc.id)
  }

  const author = await ensure('authors', { name: { equals: site.author.name } }, () =>
    payload.create({ collection: 'authors', data: { name: site.author.name } }),
  )
  const source = await ensure('sources', { title: { equals: site.source.title } }, () =>
    payload.create({ collection: 'sources', data: { title: site.source.title } }),
  )
  const pictureName = 'quang-canh-hoi-thao.jpg'
  const picture = await ensure('media', { filename: { equals: pictureName } }, async () => {
    const data = await drawSeedPicture()
    return payload.create({
      collection: 'media',
      locale: 'vi',
      data: { alt: site.article.image.alt, caption: site.article.image.caption },
      file: { data, mimetype: 'image/jpeg', name: pictureName, size: data.length },
    })
  })

  await ensure('articles', { and: [{ slug: { equals: seedArticle.slug } }, onThanUyen] }, () =>
    payload.create({
      collection: 'articles',
      locale: 'vi',
      data: {
        title: site.article.title,
        lead: site.article.lead,
        body: richText(
          imageNode(picture.id, site.article.image.caption),
          ...site.article.bodyParagraphs.map((text) => paragraph(text)),
        ),
        coverImage: picture.id,
        authors: [author.id],
        source: source.id,
        categories: [categories.get('tin-tuc-su-kien')!],
        publishedAt: seedArticle.publishedAt,
        site: thanUyen,
        _status: 'published',
      },
    }),
  )

  const createArticle = (article: GeneratedArticle) =>
    ensure('articles', { and: [{ title: { equals: article.title } }, onThanUyen] }, () =>
      payload.create({
        collection: 'articles',
        locale: 'vi',
        draft: article.status === 'draft',
        data: {
          title: article.title,
          lead: article.lead,
          body: richText(...article.paragraphs.map((text) => paragraph(text))),
          authors: [author.id],
          source: source.id,
          categories: [categories.get(article.categorySlug)!],
          publishedAt: article.publishedAt,
          expiresAt: article.expiresAt,
          site: thanUyen,
          _status: article.status,
        },
      }),
    )
  for (const article of generatedArticles()) await createArticle(article)
  for (const article of hiddenArticles(new Date())) await createArticle(article)
  await seedWidgets(payload, { log, siteId: thanUyen })
  created.pages += await seedStandingPages(payload, thanUyen)
  if (communes) {
    const commune = await seedCommunes(payload, { author: author.id, source: source.id })
    created.sites += commune.sites
    created.categories += commune.categories
    created.articles += commune.articles
    if (log && commune.widgets)
      payload.logger.info(`Seed: created ${commune.widgets} commune counter(s).`)
  }

  const total = Object.values(created).reduce((sum, n) => sum + n, 0)
  say(
    total
      ? `Seed: created ${JSON.stringify(created)}.`
      : 'Seed: everything was already there; nothing created.',
  )
  if (adminCreated) {
    const editor =
      process.env.NODE_ENV === 'production'
        ? ''
        : ` (editor: ${DEFAULT_EDITOR.email} / ${DEFAULT_EDITOR.password})`
    say(`Seed: admin login ${adminEmail} / ${adminPassword}${editor}.`)
  }
  return { created, admin: { email: adminEmail, password: adminCreated ? adminPassword : null } }
}

/** Seeds only a database with no articles yet (what `npm run dev` does on first start), communes included. */
export async function seedIfEmpty(payload: Payload): Promise<SeedResult | null> {
  const { totalDocs } = await payload.count({ collection: 'articles', overrideAccess: true })
  if (totalDocs > 0) return null
  return seed(payload, { communes: true })
}

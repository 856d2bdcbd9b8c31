import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { ARTICLE_BY_SLUG, ask, TITLES, titlesOf } from './cache/helpers.js'

let app: TestApp
let categoryId: number | string
let authorId: number | string

const published = (title: string, extra: Record<string, unknown> = {}) =>
  app.payload.create({
    collection: 'articles',
    data: {
      title,
      _status: 'published',
      publishedAt: '2026-01-01T00:00:00.000Z',
      categories: [categoryId],
      authors: [authorId],
      ...extra,
    } as never,
  })

beforeAll(async () => {
  app = await startTestApp()
  categoryId = (await app.payload.create({ collection: 'categories', data: { title: 'Thời sự' } }))
    .id
  authorId = (await app.payload.create({ collection: 'authors', data: { name: 'Mạnh Cường' } })).id
  await published('Bài một')
})
afterAll(async () => app?.close())

describe('anonymous queries are answered from the cache until something they show changes', () => {
  test('the second identical query is a hit with the same bytes; whitespace and comments do not matter', async () => {
    const first = await ask(app, TITLES)
    expect(first.verdict).toBe('miss')
    expect(titlesOf(first)).toEqual(['Bài một'])
    const second = await ask(app, TITLES)
    expect(second.verdict).toBe('hit')
    expect(second.text).toBe(first.text)
    const reformatted = await ask(app, `# the same\n${TITLES.replace(/\s+/g, '  ')}`)
    expect(reformatted.verdict).toBe('hit')
    expect(reformatted.text).toBe(first.text)
  })

  test('variables are part of the key, in any key order', async () => {
    const one = await ask(app, ARTICLE_BY_SLUG, { slug: 'bai-mot' })
    expect(one.verdict).toBe('miss')
    expect(one.json.data.Articles.docs.map((d: { title: string }) => d.title)).toEqual(['Bài một'])
    const other = await ask(app, ARTICLE_BY_SLUG, { slug: 'khong-co' })
    expect(other.verdict).toBe('miss')
    expect(other.json.data.Articles.docs).toEqual([])
    expect((await ask(app, ARTICLE_BY_SLUG, { slug: 'bai-mot' })).verdict).toBe('hit')
  })

  test('an edit shows in the next answer', async () => {
    await ask(app, TITLES)
    const article = await published('Bài hai')
    const afterCreate = await ask(app, TITLES)
    expect(afterCreate.verdict).toBe('miss')
    expect(titlesOf(afterCreate)).toEqual(['Bài hai', 'Bài một'])
    await app.payload.update({ collection: 'articles', id: article.id, data: { title: 'Bài ba' } })
    const afterEdit = await ask(app, TITLES)
    expect(afterEdit.verdict).toBe('miss')
    expect(titlesOf(afterEdit)).toEqual(['Bài ba', 'Bài một'])
    expect((await ask(app, TITLES)).verdict).toBe('hit')
  })

  test('unpublish, publish again and delete each show at once', async () => {
    const article = await published('Bài tạm')
    expect(titlesOf(await ask(app, TITLES))).toContain('Bài tạm')
    await app.payload.update({
      collection: 'articles',
      id: article.id,
      data: { _status: 'draft' } as never,
    })
    expect(titlesOf(await ask(app, TITLES))).not.toContain('Bài tạm')
    await app.payload.update({
      collection: 'articles',
      id: article.id,
      data: { _status: 'published' } as never,
    })
    expect(titlesOf(await ask(app, TITLES))).toContain('Bài tạm')
    await app.payload.delete({ collection: 'articles', id: article.id })
    const afterDelete = await ask(app, TITLES)
    expect(afterDelete.verdict).toBe('miss')
    expect(titlesOf(afterDelete)).not.toContain('Bài tạm')
  })

  test('a draft saved over a published article keeps the cached answer and never shows the draft', async () => {
    const article = await published('Bài đã đăng')
    const before = await ask(app, TITLES)
    expect(titlesOf(before)).toContain('Bài đã đăng')
    await app.payload.update({
      collection: 'articles',
      id: article.id,
      draft: true,
      data: { title: 'Bản nháp bí mật' } as never,
    })
    const after = await ask(app, TITLES)
    expect(after.verdict).toBe('hit')
    expect(after.text).toBe(before.text)
  })

  test('a renamed author shows in the next answer listing them; a renamed category too', async () => {
    const before = await ask(app, ARTICLE_BY_SLUG, { slug: 'bai-mot' })
    expect(before.json.data.Articles.docs[0].authors).toEqual([{ name: 'Mạnh Cường' }])
    await app.payload.update({ collection: 'authors', id: authorId, data: { name: 'Hà Vy' } })
    const renamed = await ask(app, ARTICLE_BY_SLUG, { slug: 'bai-mot' })
    expect(renamed.verdict).toBe('miss')
    expect(renamed.json.data.Articles.docs[0].authors).toEqual([{ name: 'Hà Vy' }])
    await app.payload.update({
      collection: 'categories',
      id: categoryId,
      data: { title: 'Tin tức' },
    })
    const recategorised = await ask(app, ARTICLE_BY_SLUG, { slug: 'bai-mot' })
    expect(recategorised.json.data.Articles.docs[0].categories).toEqual([{ title: 'Tin tức' }])
  })
})

import { afterAll, beforeAll, expect, test } from 'vitest'
import { getPayload, type Field } from 'payload'
import { startTestApp, type TestApp } from './helpers/app.js'
import { paragraph, richText } from '../core/lexical.js'

/** Virtual fields like `views` or `rating`: computed on read, from the article's id or a sibling field. */
const readingTime: Field = {
  name: 'readingTime',
  type: 'number',
  virtual: true,
  hooks: {
    afterRead: [
      ({ siblingData }) =>
        Math.max(1, Math.ceil(String(siblingData.lead ?? '').split(/\s+/).length / 200)),
    ],
  },
}
const articleKey: Field = {
  name: 'articleKey',
  type: 'text',
  virtual: true,
  hooks: { afterRead: [({ siblingData }) => `bai-${siblingData.id}`] },
}

let app: TestApp
const ids: Array<string | number> = []

beforeAll(async () => {
  app = await startTestApp({
    articlesOverrides: {
      fields: ({ defaultFields }) => [...defaultFields, readingTime, articleKey],
    },
  })
  for (const [i, title] of ['Bài một', 'Bài hai', 'Bài ba'].entries()) {
    const doc = await app.payload.create({
      collection: 'articles',
      data: {
        title,
        lead: Array.from({ length: 450 }, () => 'chữ').join(' '),
        body: richText(paragraph(`Nội dung ${title}.`)),
        publishedAt: `2022-01-0${i + 1}T00:00:00.000Z`,
        _status: 'published',
      },
    })
    ids.push(doc.id)
  }
})
afterAll(async () => app?.close())

test('fields other features add to Article (virtual, computed on read) resolve on the page and its neighbours', async () => {
  const { data, errors } = await app.graphql(
    `{ ArticlePage(slug: "bai-hai", neighbors: 1) {
        article { title readingTime articleKey }
        newer { title readingTime articleKey }
        older { title readingTime articleKey }
    } }`,
  )
  expect(errors).toBeUndefined()
  expect(data.ArticlePage).toEqual({
    article: { title: 'Bài hai', readingTime: 3, articleKey: `bai-${ids[1]}` },
    newer: [{ title: 'Bài ba', readingTime: 3, articleKey: `bai-${ids[2]}` }],
    older: [{ title: 'Bài một', readingTime: 3, articleKey: `bai-${ids[0]}` }],
  })
})

/** The `select` of each Local API read of articles made while `run` runs. */
async function articleSelects(run: () => Promise<unknown>): Promise<unknown[]> {
  const served = await getPayload({ config: app.config })
  const selects: unknown[] = []
  const find = served.find.bind(served)
  served.find = ((args: Parameters<typeof served.find>[0]) => {
    if (args.collection === 'articles') selects.push(args.select)
    return find(args)
  }) as typeof served.find
  try {
    await run()
  } finally {
    served.find = find
  }
  return selects
}

test('each read selects only the fields its part of the page asked for', async () => {
  const page = (fields: string) =>
    app.graphql(`{ ArticlePage(slug: "bai-hai", neighbors: 1) { ${fields} } }`)
  // The article (plus what finding its neighbours needs, and its slug: an old one may have been asked), then the newer and the older neighbours.
  expect(await articleSelects(() => page('article { title } newer { title }'))).toEqual([
    { title: true, slug: true, publishedAt: true, primaryCategory: true },
    { title: true },
    { title: true },
  ])
  let body: any
  expect(
    await articleSelects(async () => (body = await page('article { body } older { lead }'))),
  ).toEqual([
    { body: true, slug: true, publishedAt: true, primaryCategory: true },
    { lead: true },
    { lead: true },
  ])
  expect(body.data.ArticlePage.article.body.root.children[0].children[0].text).toBe(
    'Nội dung Bài hai.',
  )
  expect(body.data.ArticlePage.older).toEqual([{ lead: expect.stringMatching(/^chữ chữ/) }])
  // Only neighbours asked for: the article's read still finds them.
  let cards: any
  expect(await articleSelects(async () => (cards = await page('newer { title }')))).toEqual([
    { slug: true, publishedAt: true, primaryCategory: true },
    { title: true },
    { title: true },
  ])
  expect(cards.data.ArticlePage).toEqual({ newer: [{ title: 'Bài ba' }] })
  // Fields computed from the id and what they declare (`custom.computedFrom`: `[]` for `rating`,
  // `['site']` for `views`, counted under the article's site) keep the read narrow.
  expect(await articleSelects(() => page('article { title rating { average } views }'))).toEqual([
    {
      title: true,
      rating: true,
      views: true,
      site: true,
      slug: true,
      publishedAt: true,
      primaryCategory: true,
    },
  ])
})

test('when a field computed on read does not say what it reads, the whole article is read', async () => {
  expect(
    await articleSelects(() =>
      app.graphql('{ ArticlePage(slug: "bai-hai") { article { readingTime } } }'),
    ),
  ).toEqual([undefined])
  expect(
    await articleSelects(() =>
      app.graphql(
        '{ ArticlePage(slug: "bai-hai", neighbors: 1) { article { title } newer { articleKey } } }',
      ),
    ),
  ).toEqual([
    { title: true, slug: true, publishedAt: true, primaryCategory: true },
    undefined,
    undefined,
  ])
})

import { describe, expect, it } from 'vitest'
import { checkSearchArgs } from '../features/search/params.js'
import {
  escapeRegex,
  mongoSearchAnswer,
  mongoSearchDocument,
  mongoSearchPipeline,
} from '../features/search/mongoQuery.js'

// The MongoDB search is one aggregation built by a pure function: its exact document for
// representative input (no MongoDB server runs here; the same GraphQL tests run on one when
// TEST_DATABASE_URL names it).
const NOW = new Date('2026-03-01T03:00:00.000Z')
const SITE = 'oid-site'
const query = (q: string, { page = 1, limit = 10 } = {}) => {
  const { terms } = checkSearchArgs({ q, page, limit }, 100)
  return { terms, siteId: SITE, categoryId: null, now: NOW, limit, offset: (page - 1) * limit }
}
const ids = (categoryId: unknown = null, siteId: unknown = SITE) => ({ siteId, categoryId })
const firstMatch = (q: string) =>
  mongoSearchPipeline(query(q), ids(), 'articles')[0] as { $match: Record<string, unknown> }

describe('mongoSearchPipeline', () => {
  it('"Hội Thảo": every word, the last a prefix, joined to the public articles, title first', () => {
    expect(mongoSearchPipeline(query('Hội Thảo'), ids(), 'articles')).toEqual([
      { $match: { site: SITE, $and: [{ words: 'hoi' }, { words: { $regex: '^thao' } }] } },
      {
        $lookup: {
          from: 'articles',
          let: { articleId: '$_id' },
          pipeline: [
            { $match: { $expr: { $eq: ['$_id', '$$articleId'] } } },
            {
              $match: {
                _status: 'published',
                publishedAt: { $lte: NOW },
                $or: [{ expiresAt: null }, { expiresAt: { $gt: NOW } }],
                site: SITE,
              },
            },
            { $project: { _id: 0, publishedAt: 1 } },
          ],
          as: 'article',
        },
      },
      { $unwind: '$article' },
      {
        $facet: {
          total: [{ $count: 'count' }],
          page: [
            {
              $set: {
                tier: {
                  $cond: [
                    {
                      $and: [
                        { $regexMatch: { input: '$title', regex: '(?:^| )hoi(?: |$)' } },
                        { $regexMatch: { input: '$title', regex: '(?:^| )thao' } },
                      ],
                    },
                    0,
                    1,
                  ],
                },
              },
            },
            { $sort: { tier: 1, 'article.publishedAt': -1, _id: -1 } },
            { $skip: 0 },
            { $limit: 10 },
            { $project: { _id: 1 } },
          ],
        },
      },
    ])
  })

  it('folds marks and đ the way the index does: "ĐƯỜNG sá" is duong, then the prefix sa', () => {
    expect(firstMatch('ĐƯỜNG sá').$match.$and).toEqual([
      { words: 'duong' },
      { words: { $regex: '^sa' } },
    ])
    expect(firstMatch('Nguyễn Đình Thi').$match.$and).toEqual([
      { words: 'nguyen' },
      { words: 'dinh' },
      { words: { $regex: '^thi' } },
    ])
  })

  it('one word is a prefix alone; the title tier tests it as a prefix too', () => {
    const pipeline = mongoSearchPipeline(query('hoi tha'), ids(), 'articles')
    expect(pipeline[0]).toEqual({
      $match: { site: SITE, $and: [{ words: 'hoi' }, { words: { $regex: '^tha' } }] },
    })
    expect(mongoSearchPipeline(query('tha'), ids(), 'articles')[0]).toEqual({
      $match: { site: SITE, $and: [{ words: { $regex: '^tha' } }] },
    })
  })

  it('regex metacharacters in q are no pattern: only the words between them are searched', () => {
    expect(firstMatch('hoi.* (thao)|x [a-z]+ ^$ \\d{2}').$match.$and).toEqual([
      { words: 'hoi' },
      { words: 'thao' },
      { words: 'x' },
      { words: 'a' },
      { words: 'z' },
      { words: 'd' },
      { words: { $regex: '^2' } },
    ])
  })

  it('refuses a term that is not one folded word (nothing else ever reaches a pattern)', () => {
    const built = (terms: string[]) => () =>
      mongoSearchPipeline({ ...query('x'), terms }, ids(), 'articles')
    expect(built(['hoi.*'])).toThrow('search: only letters, digits and spaces reach a query.')
    expect(built(['hoi thao'])).toThrow('search: every term must be one word.')
    expect(built([''])).toThrow('search: every term must be one word.')
    expect(built([])).toThrow('search: every term must be one word.')
  })

  it('a category is one of the article’s categories; no site means every site', () => {
    const pipeline = mongoSearchPipeline(query('hoi'), ids('oid-cat', null), 'portal_articles')
    expect(pipeline[0]).toEqual({ $match: { $and: [{ words: { $regex: '^hoi' } }] } })
    expect(pipeline[1]).toMatchObject({
      $lookup: {
        from: 'portal_articles',
        pipeline: [
          { $match: { $expr: { $eq: ['$_id', '$$articleId'] } } },
          {
            $match: {
              _status: 'published',
              publishedAt: { $lte: NOW },
              $or: [{ expiresAt: null }, { expiresAt: { $gt: NOW } }],
              categories: 'oid-cat',
            },
          },
          { $project: { _id: 0, publishedAt: 1 } },
        ],
      },
    })
  })

  it('page and limit are the page facet’s skip and limit', () => {
    const pipeline = mongoSearchPipeline(query('hoi', { page: 3, limit: 5 }), ids(), 'articles')
    const facet = (pipeline[3] as { $facet: { page: unknown[] } }).$facet.page
    expect(facet.slice(2, 4)).toEqual([{ $skip: 10 }, { $limit: 5 }])
  })
})

describe('escapeRegex', () => {
  it('escapes every metacharacter, so the pattern matches the text itself', () => {
    const meta = 'a.b*c+d?e^f$g(h)i[j]k{l}m|n\\o/p-q'
    expect(escapeRegex(meta)).toBe(
      'a\\.b\\*c\\+d\\?e\\^f\\$g\\(h\\)i\\[j\\]k\\{l\\}m\\|n\\\\o\\/p\\-q',
    )
    expect(new RegExp(`^${escapeRegex(meta)}$`).test(meta)).toBe(true)
    expect(new RegExp(`^${escapeRegex(meta)}$`).test('aXb')).toBe(false)
  })
})

describe('mongoSearchDocument', () => {
  it('holds the SQL index’s two texts and their distinct words', () => {
    expect(mongoSearchDocument('oid-1', SITE, 'hoi thao hoi cho', 'thao luan')).toEqual({
      _id: 'oid-1',
      site: SITE,
      title: 'hoi thao hoi cho',
      body: 'thao luan',
      words: ['hoi', 'thao', 'cho', 'luan'],
    })
    expect(mongoSearchDocument('oid-2', null, '', '').words).toEqual([])
  })
})

describe('mongoSearchAnswer', () => {
  it('reads the total and the page’s ids (an ObjectId as its hex string)', () => {
    const objectId = { toString: () => '65a000000000000000000001' }
    expect(
      mongoSearchAnswer([{ total: [{ count: 12 }], page: [{ _id: objectId }, { _id: 7 }] }]),
    ).toEqual({ ids: ['65a000000000000000000001', 7], total: 12 })
    expect(mongoSearchAnswer([{ total: [], page: [] }])).toEqual({ ids: [], total: 0 })
  })
})

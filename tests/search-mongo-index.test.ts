import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload } from 'payload'
import { describe, expect, it } from 'vitest'
import {
  indexArticleAfterChange,
  reindexArticlesNaming,
  unindexArticleAfterDelete,
} from '../features/search/hooks.js'
import { prepareSearchIndex } from '../features/search/index.js'
import { mongoSearchPipeline } from '../features/search/mongoQuery.js'
import { searchIndexOf } from '../features/search/searchIndex.js'

// No MongoDB server runs here: the index's upkeep and backfill on MongoDB are checked against a
// recording adapter (the same hooks and start-up step the SQL databases run for real in
// tests/search-upkeep.test.ts), for the exact documents, filters and sessions they send.
type Call = [string, ...unknown[]]

function fakeMongo(
  articles: Array<Record<string, unknown>>,
  { indexed = 0, transaction = false } = {},
) {
  const calls: Call[] = []
  const session = { inTransaction: () => true }
  const collection = {
    createIndex: async (...args: unknown[]) => void calls.push(['createIndex', ...args]),
    findOne: async (...args: unknown[]) => {
      calls.push(['findOne', ...args])
      return indexed ? { _id: 'oid:1' } : null
    },
    replaceOne: async (...args: unknown[]) => void calls.push(['replaceOne', ...args]),
    deleteOne: async (...args: unknown[]) => void calls.push(['deleteOne', ...args]),
    aggregate: (...args: unknown[]) => {
      calls.push(['aggregate', ...args])
      return {
        toArray: async () => [
          { total: [{ count: 3 }], page: [{ _id: { toString: () => 'hex2' } }] },
        ],
      }
    },
  }
  // Mongoose casts a hex id to an ObjectId: "oid:" marks what was cast, and by which model.
  const model = (prefix: string) => ({
    collection: { name: prefix },
    castObject: ({ _id }: { _id: unknown }) => ({ _id: `${prefix}:${String(_id)}` }),
  })
  const payload = {
    db: {
      name: 'mongoose',
      connection: {
        db: {
          collection: (name: string) => {
            calls.push(['collection', name])
            return collection
          },
        },
      },
      collections: { articles: model('a'), sites: model('s'), categories: model('c') },
      sessions: transaction ? { tx1: session } : {},
    },
    config: { localization: { localeCodes: ['vi', 'en'] } },
    find: async ({ where, page }: { where: unknown; page: number }) => {
      calls.push(['find', where, page])
      return { docs: articles, hasNextPage: false }
    },
  }
  const req = { payload, transactionID: transaction ? 'tx1' : undefined }
  return { payload: payload as unknown as Payload, req: req as never, calls, session }
}

const HOI_THAO = {
  id: '65a000000000000000000001',
  site: { id: '65b000000000000000000001', name: 'Tỉnh Lai Châu' },
  title: { vi: 'Hội thảo chuyển đổi số', en: 'Digital transformation workshop' },
  lead: { vi: 'Đường đến xã thông minh.' },
  byline: 'Đặng Văn Hùng',
  authors: [{ name: 'Lò Văn Páo', pseudonym: null }],
  source: { title: 'Báo Lai Châu' },
}

const written = (calls: Call[]) => calls.filter(([name]) => name === 'replaceOne')

describe('MongoDB: the search index follows the articles', () => {
  it('an empty index is filled from every article at start, with its words index', async () => {
    const { payload, calls } = fakeMongo([HOI_THAO])
    expect(await prepareSearchIndex(payload)).toBe(1)
    expect(calls.filter(([name]) => name === 'collection')).toContainEqual([
      'collection',
      'portal_search',
    ])
    expect(calls.filter(([name]) => name !== 'collection')).toEqual([
      ['createIndex', { words: 1 }, { name: 'words_1' }],
      ['findOne', {}, { projection: { _id: 1 } }],
      ['find', {}, 1],
      [
        'replaceOne',
        { _id: 'a:65a000000000000000000001' },
        {
          _id: 'a:65a000000000000000000001',
          site: 's:65b000000000000000000001',
          title: 'hoi thao chuyen doi so digital transformation workshop',
          body: 'duong den xa thong minh dang van hung lo van pao bao lai chau',
          words: [
            'hoi',
            'thao',
            'chuyen',
            'doi',
            'so',
            'digital',
            'transformation',
            'workshop',
            'duong',
            'den',
            'xa',
            'thong',
            'minh',
            'dang',
            'van',
            'hung',
            'lo',
            'pao',
            'bao',
            'lai',
            'chau',
          ],
        },
        { upsert: true },
      ],
    ])
  })

  it('an index that holds articles is not filled again', async () => {
    const { payload, calls } = fakeMongo([HOI_THAO], { indexed: 1 })
    expect(await prepareSearchIndex(payload)).toBe(0)
    expect(written(calls)).toEqual([])
  })

  it('a saved article is rewritten in the request’s transaction session', async () => {
    const { req, calls, session } = fakeMongo([HOI_THAO], { transaction: true })
    const hook = indexArticleAfterChange as (args: object) => ReturnType<CollectionAfterChangeHook>
    await hook({ doc: { id: HOI_THAO.id }, req })
    expect(calls.find(([name]) => name === 'find')).toEqual([
      'find',
      { id: { equals: HOI_THAO.id } },
      1,
    ])
    const [[, filter, , options]] = written(calls)
    expect(filter).toEqual({ _id: 'a:65a000000000000000000001' })
    expect(options).toEqual({ upsert: true, session })
  })

  it('an article gone from the database (or deleted) is taken out', async () => {
    const { req, calls, session } = fakeMongo([], { transaction: true })
    const changed = indexArticleAfterChange as (args: object) => unknown
    await changed({ doc: { id: HOI_THAO.id }, req })
    const deleted = unindexArticleAfterDelete as (
      args: object,
    ) => ReturnType<CollectionAfterDeleteHook>
    await deleted({ id: HOI_THAO.id, req })
    const removals = calls.filter(([name]) => name === 'deleteOne')
    expect(removals).toEqual([
      ['deleteOne', { _id: 'a:65a000000000000000000001' }, { session }],
      ['deleteOne', { _id: 'a:65a000000000000000000001' }, { session }],
    ])
  })

  it('an author’s new name re-indexes the articles naming them', async () => {
    const { req, calls } = fakeMongo([HOI_THAO])
    const hook = reindexArticlesNaming('authors', ['name', 'pseudonym']) as (
      args: object,
    ) => unknown
    await hook({
      doc: { id: 'au1', name: 'Lò Thị Mai' },
      previousDoc: { id: 'au1', name: 'Lò Văn Páo' },
      operation: 'update',
      req,
    })
    expect(calls.find(([name]) => name === 'find')).toEqual([
      'find',
      { authors: { in: ['au1'] } },
      1,
    ])
    expect(written(calls)).toHaveLength(1)
  })
})

describe('MongoDB: a search', () => {
  it('runs the pipeline on portal_search with the ids cast, and reads one page and the total', async () => {
    const { payload, calls } = fakeMongo([])
    const query = {
      terms: ['hoi', 'thao'],
      siteId: 'site1',
      categoryId: 'cat1',
      now: new Date('2026-03-01T03:00:00.000Z'),
      limit: 2,
      offset: 2,
    }
    expect(await searchIndexOf(payload).findIds(undefined, query)).toEqual({
      ids: ['hex2'],
      total: 3,
    })
    expect(calls.filter(([name]) => name !== 'collection')).toEqual([
      [
        'aggregate',
        mongoSearchPipeline(query, { siteId: 's:site1', categoryId: 'c:cat1' }, 'a'),
        {},
      ],
    ])
    expect(calls).toContainEqual(['collection', 'portal_search'])
  })
})

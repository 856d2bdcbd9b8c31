import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'
import {
  SITES_UPGRADE_MARK,
  upgradeMongoToSites,
  type MongoModel,
} from '../features/sites/upgrade.js'

// No MongoDB server runs here: the start-up step is checked against recording models, for the
// exact filters and updates it sends, its order, and its mark. (Its SQL twin runs for real in
// tests/sites-upgrade.test.ts.)
type Call = [string, string, ...unknown[]]

function fakeMongo({ marked = false, sites = 0 } = {}) {
  const calls: Call[] = []
  const kv = new Map<string, unknown>(marked ? [[SITES_UPGRADE_MARK, { site: 'old' }]] : [])
  const model = (name: string, indexes: Array<Record<string, unknown>> = []): MongoModel => ({
    updateMany: async (filter, update) => void calls.push([name, 'updateMany', filter, update]),
    createIndexes: async () => void calls.push([name, 'createIndexes']),
    collection: {
      updateMany: async (filter, update) =>
        void calls.push([name, 'collection.updateMany', filter, update]),
      deleteMany: async (filter) => void calls.push([name, 'collection.deleteMany', filter]),
      indexes: async () => indexes as never,
      dropIndex: async (index) => void calls.push([name, 'collection.dropIndex', index]),
    },
  })
  const slugIndexes = [
    { name: '_id_', key: { _id: 1 } },
    { name: 'slug_1', key: { slug: 1 }, unique: true },
    { name: 'site_1', key: { site: 1 } },
  ]
  const siteDocs: Array<Record<string, unknown>> = Array.from({ length: sites }, (_, i) => ({
    id: `site${i}`,
    slug: `site-${i}`,
    isDefault: i === 0,
  }))
  const payload = {
    db: {
      name: 'mongoose',
      collections: {
        articles: model('articles', slugIndexes),
        categories: model('categories', slugIndexes),
        authors: model('authors', slugIndexes),
        sources: model('sources', [{ name: 'slug_1', key: { slug: 1 } }]),
        'counter-widgets': model('counter-widgets', slugIndexes),
        'visit-counts': model('visit-counts'),
        'visit-sessions': model('visit-sessions'),
        'rate-limit-hits': model('rate-limit-hits'),
        users: model('users'),
      },
      versions: { articles: model('_articles_versions') },
    },
    config: { admin: { user: 'users' } },
    kv: {
      get: async (key: string) => kv.get(key) ?? null,
      set: async (key: string, value: unknown) => void kv.set(key, value),
    },
    logger: { info: () => {} },
    count: async () => ({ totalDocs: siteDocs.length }),
    create: async ({ data }: { data: Record<string, unknown> }) => {
      const doc = { ...data, id: `site${siteDocs.length}` }
      siteDocs.push(doc)
      calls.push(['sites', 'create', data])
      return doc
    },
    find: async () => ({ docs: siteDocs }),
  }
  return { payload: payload as unknown as Payload, calls, kv }
}

const options = {
  siteName: 'Cổng thông tin điện tử',
  siteUrl: undefined,
  timeZone: 'Asia/Ho_Chi_Minh',
}

describe('the MongoDB start-up step of the sites upgrade', () => {
  it('creates the default site, then moves content, counters and users onto it and replaces the unique slugs; then marks it done', async () => {
    const { payload, calls, kv } = fakeMongo()
    await upgradeMongoToSites(payload, options)
    const prefix = 'site:site0:'
    const slugSwap = (name: string) => [
      [name, 'collection.dropIndex', 'slug_1'],
      [name, 'createIndexes'],
    ]
    expect(calls).toEqual([
      [
        'sites',
        'create',
        {
          name: 'Cổng thông tin điện tử',
          slug: 'cong-thong-tin-dien-tu',
          siteUrl: null,
          timeZone: 'Asia/Ho_Chi_Minh',
          isDefault: true,
        },
      ],
      ['articles', 'updateMany', { site: null }, { $set: { site: 'site0' } }],
      ['categories', 'updateMany', { site: null }, { $set: { site: 'site0' } }],
      ['counter-widgets', 'updateMany', { site: null }, { $set: { site: 'site0' } }],
      [
        '_articles_versions',
        'updateMany',
        { 'version.site': null },
        { $set: { 'version.site': 'site0' } },
      ],
      [
        'visit-counts',
        'collection.updateMany',
        { key: { $not: /^site:/ } },
        [{ $set: { key: { $concat: [prefix, '$key'] } } }],
      ],
      [
        'visit-sessions',
        'collection.updateMany',
        { key: { $not: /^site:/ } },
        [
          {
            $set: {
              key: { $concat: [prefix, '$key'] },
              scope: { $concat: [prefix, '$scope'] },
            },
          },
        ],
      ],
      ['rate-limit-hits', 'collection.deleteMany', {}],
      [
        'users',
        'updateMany',
        { $or: [{ sites: { $exists: false } }, { sites: { $size: 0 } }] },
        { $set: { sites: ['site0'] } },
      ],
      ...slugSwap('articles'),
      ...slugSwap('categories'),
      ...slugSwap('authors'),
      // A slug index that is not unique stays.
      ['sources', 'createIndexes'],
      ...slugSwap('counter-widgets'),
    ])
    expect(kv.get(SITES_UPGRADE_MARK)).toMatchObject({ site: 'site0' })
  })

  it('uses the default site that already exists', async () => {
    const { payload, calls } = fakeMongo({ sites: 2 })
    await upgradeMongoToSites(payload, options)
    expect(calls.filter(([name]) => name === 'sites')).toEqual([])
    expect(calls[0]).toEqual([
      'articles',
      'updateMany',
      { site: null },
      { $set: { site: 'site0' } },
    ])
  })

  it('does nothing once marked done, so users created later without sites keep none', async () => {
    const { payload, calls } = fakeMongo({ marked: true })
    await upgradeMongoToSites(payload, options)
    expect(calls).toEqual([])
  })

  it('does nothing on a SQL database (its migrations do it)', async () => {
    const { payload, calls, kv } = fakeMongo()
    ;(payload.db as { name: string }).name = 'sqlite'
    await upgradeMongoToSites(payload, options)
    expect(calls).toEqual([])
    expect(kv.size).toBe(0)
  })
})

import { refreshAfterChange } from '../features/content/categoryLists/index.js'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { CollectionConfig, Config } from 'payload'
import { chooseDatabase } from '../config/database.js'
import { resolveSecret } from '../config/secret.js'
import { keepOldSlug } from '../features/content/oldSlugs/hooks.js'
import { newsPortalPlugin as asyncPlugin } from '../plugin/index.js'
import { indexArticleAfterChange } from '../features/search/hooks.js'

// The plugin returns a plain config (never a promise): typed here as such.
const newsPortalPlugin =
  (...args: Parameters<typeof asyncPlugin>) =>
  (config: Config) =>
    asyncPlugin(...args)(config) as Config

describe('database by DATABASE_URL', () => {
  it('unset or file: is SQLite under the given path, its folder created on demand', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'np-db-'))
    const file = path.join(dir, 'nested', 'portal.db')
    expect(chooseDatabase(`file:${file}`)).toEqual({ kind: 'sqlite', url: `file:${file}` })
    expect(fs.existsSync(path.dirname(file))).toBe(true)
    expect(chooseDatabase(undefined)).toEqual({
      kind: 'sqlite',
      url: `file:${path.resolve('data/news-portal.db')}`,
    })
    expect(chooseDatabase('  ')).toEqual(chooseDatabase(undefined))
  })

  it('mongodb, mongodb+srv and postgres URLs pick their adapters', () => {
    expect(chooseDatabase('mongodb://127.0.0.1/portal').kind).toBe('mongodb')
    expect(chooseDatabase('mongodb+srv://u:p@cluster.example/portal').kind).toBe('mongodb')
    expect(chooseDatabase('postgres://u:p@127.0.0.1:5432/portal').kind).toBe('postgres')
    expect(chooseDatabase('postgresql://u:p@127.0.0.1:5432/portal').kind).toBe('postgres')
  })

  it('an unknown scheme stops with one sentence naming the variable', () => {
    expect(() => chooseDatabase('mysql://root@localhost/portal')).toThrow(
      'DATABASE_URL has an unknown scheme "mysql:": use file: (SQLite), mongodb://, mongodb+srv:// or postgres://.',
    )
  })
})

describe('PAYLOAD_SECRET', () => {
  it('is required in production', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'np-secret-'))
    expect(() => resolveSecret(dir, { NODE_ENV: 'production' })).toThrow(
      'PAYLOAD_SECRET must be set in production',
    )
    expect(resolveSecret(dir, { NODE_ENV: 'production', PAYLOAD_SECRET: 's3cret' })).toBe('s3cret')
    // `next build` compiles without one; `next start` then needs the real secret.
    expect(
      resolveSecret(dir, { NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }),
    ).toMatch(/placeholder/)
    expect(fs.existsSync(path.join(dir, '.payload-secret'))).toBe(false)
  })

  it('development keeps one random secret in the data folder and says so once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'np-secret-'))
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    const first = resolveSecret(dir, { NODE_ENV: 'development' })
    const second = resolveSecret(dir, { NODE_ENV: 'development' })
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(second).toBe(first)
    expect(fs.readFileSync(path.join(dir, '.payload-secret'), 'utf8')).toBe(first)
    expect(info).toHaveBeenCalledTimes(1)
    expect(info.mock.calls[0][0]).toContain(path.join(dir, '.payload-secret'))
    info.mockRestore()
  })
})

describe('newsPortalPlugin as a config transformer', () => {
  const base = { collections: [{ slug: 'users', auth: true, fields: [] }] } as unknown as Config
  const slugs = (config: Config) => (config.collections ?? []).map((collection) => collection.slug)
  const find = (config: Config, slug: string) =>
    config.collections!.find((c) => c.slug === slug) as CollectionConfig

  it('adds its collections after the site ones', () => {
    expect(slugs(newsPortalPlugin()(base))).toEqual([
      'users',
      'media',
      'categories',
      'authors',
      'sources',
      'articles',
      'ratings',
      'rating-summaries',
      'rate-limit-hits',
      'counter-widgets',
      'visit-counts',
      'visit-sessions',
      'sites',
      'topics',
      'pages',
      'slug-redirects',
      'cache-generations',
      'webhook-endpoints',
      'webhook-deliveries',
    ])
  })

  it("declares a category's list index on MongoDB only (the SQL adapters keep the category table)", () => {
    const indexes = (config: Config) =>
      (find(config, 'articles').indexes ?? []).map((index) => index.fields.join(','))
    const mongo = { ...base, db: { name: 'mongoose', defaultIDType: 'text' } } as unknown as Config
    const sqlite = { ...base, db: { name: 'sqlite', defaultIDType: 'number' } } as unknown as Config
    const categoryList = 'site,categories,_status,publishedAt,createdAt,expiresAt'
    expect(indexes(newsPortalPlugin()(mongo))).toContain(categoryList)
    expect(indexes(newsPortalPlugin()(sqlite))).not.toContain(categoryList)
    expect(indexes(newsPortalPlugin()(base))).not.toContain(categoryList)
  })

  it('keeps its collections and their fields when disabled, without its behaviour', () => {
    const on = newsPortalPlugin()(base)
    const off = newsPortalPlugin({ disabled: true })(base)
    expect(slugs(off)).toEqual(slugs(on))
    expect(find(off, 'articles').fields.map((f) => ('name' in f ? f.name : f.type))).toEqual(
      find(on, 'articles').fields.map((f) => ('name' in f ? f.name : f.type)),
    )
    expect(find(off, 'articles').hooks?.beforeChange ?? []).toHaveLength(0)
    expect(find(on, 'articles').hooks?.beforeChange?.length).toBeGreaterThan(0)
  })

  it('merges overrides: fields from the defaults, admin one level deep, hooks appended', () => {
    const extraHook = () => undefined
    const config = newsPortalPlugin({
      articlesOverrides: {
        fields: ({ defaultFields }) => [...defaultFields, { name: 'kicker', type: 'text' }],
        admin: { description: 'Tin bài của huyện' },
        hooks: { afterChange: [extraHook] },
      },
    })(base)
    const articles = find(config, 'articles')
    expect(articles.fields.at(-1)).toEqual({ name: 'kicker', type: 'text' })
    expect(articles.admin?.useAsTitle).toBe('title')
    expect(articles.admin?.description).toBe('Tin bài của huyện')
    // The plugin's own hooks (old slugs, the search index, the category table), the site's, then
    // the public-change report (features/changes), which must see every earlier hook's work.
    expect(articles.hooks?.afterChange).toEqual([
      keepOldSlug,
      indexArticleAfterChange,
      refreshAfterChange,
      extraHook,
      expect.any(Function),
    ])
    expect(articles.hooks?.beforeChange?.length).toBeGreaterThan(0)
  })

  it('refuses a site collection with the same slug, naming it', () => {
    const clash = { collections: [{ slug: 'articles', fields: [] }] } as unknown as Config
    expect(() => newsPortalPlugin()(clash)).toThrow(
      'newsPortalPlugin: the site already has a collection "articles"; use articlesOverrides to change the plugin\'s instead.',
    )
  })
})

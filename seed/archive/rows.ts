import type { Row } from './bulk.js'
import type { Id } from '../../core/ids.js'

/** What one generated article is, before it becomes rows. */
export interface ArchiveArticle {
  id: number
  siteId: Id
  slug: string
  title: string
  lead: string
  body: string
  bodyHtml: string
  status: 'draft' | 'published'
  publishedAt: string | null
  expiresAt: string | null
  createdAt: string
  updatedAt: string
  coverImage: Id | null
  categories: Id[]
  authors: Id[]
  source: Id | null
  byline: string | null
  tags: string[]
  /** True when an earlier draft version precedes the one that published it. */
  draftBeforePublish: boolean
}

export interface RowIds {
  next: (table: string) => number
}

export type ArchiveTables = Record<string, Row[]>

const LOCALE = 'vi'
const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()

/** The document's own columns, as Payload's create writes them (the `version_` ones share the names). */
function documentColumns(article: ArchiveArticle): Row {
  return {
    slug: article.slug,
    published_at: article.publishedAt,
    expires_at: article.expiresAt,
    cover_image_id: article.coverImage,
    // primaryCategory is always categories[0] (setPrimaryCategory).
    primary_category_id: article.categories[0] ?? null,
    byline: article.byline,
    source_id: article.source,
    source_url: null,
    allow_ratings: true,
    site_id: article.siteId,
  }
}

// A version's relation and text rows name their field under `version.`.
const fieldPath = (table: string, field: string) =>
  table.startsWith('_articles_v') ? `version.${field}` : field

function relationRows(parentId: number, article: ArchiveArticle, ids: RowIds, table: string) {
  return [
    ...article.categories.map((id, i) => ({
      id: ids.next(table),
      order: i + 1,
      parent_id: parentId,
      path: fieldPath(table, 'categories'),
      categories_id: id,
      authors_id: null,
    })),
    ...article.authors.map((id, i) => ({
      id: ids.next(table),
      order: i + 1,
      parent_id: parentId,
      path: fieldPath(table, 'authors'),
      categories_id: null,
      authors_id: id,
    })),
  ]
}

const textRows = (parentId: number, article: ArchiveArticle, ids: RowIds, table: string) =>
  article.tags.map((text, i) => ({
    id: ids.next(table),
    order: i + 1,
    parent_id: parentId,
    path: fieldPath(table, 'tags'),
    text,
  }))

/** Appends one version (`_articles_v` and its locale, relation and text rows) of `article`. */
function pushVersion(
  tables: ArchiveTables,
  article: ArchiveArticle,
  ids: RowIds,
  version: { status: 'draft' | 'published'; at: string; latest: boolean },
) {
  const versionId = ids.next('_articles_v')
  const own = documentColumns(article)
  tables._articles_v.push({
    id: versionId,
    parent_id: article.id,
    ...Object.fromEntries(Object.entries(own).map(([key, value]) => [`version_${key}`, value])),
    version_updated_at: version.at,
    version_created_at: article.createdAt,
    version__status: version.status,
    created_at: later(version.at, 2),
    updated_at: later(version.at, 2),
    snapshot: null,
    published_locale: null,
    latest: version.latest,
  })
  tables._articles_v_locales.push({
    version_title: article.title,
    version_lead: article.lead,
    version_body: article.body,
    version_body_html: article.bodyHtml,
    id: ids.next('_articles_v_locales'),
    _locale: LOCALE,
    _parent_id: versionId,
  })
  tables._articles_v_rels.push(...relationRows(versionId, article, ids, '_articles_v_rels'))
  tables._articles_v_texts.push(...textRows(versionId, article, ids, '_articles_v_texts'))
}

export const archiveTableNames = [
  'articles',
  'articles_locales',
  'articles_rels',
  'articles_texts',
  '_articles_v',
  '_articles_v_locales',
  '_articles_v_rels',
  '_articles_v_texts',
] as const

export const emptyTables = (): ArchiveTables =>
  Object.fromEntries(archiveTableNames.map((name) => [name, [] as Row[]]))

/**
 * The rows Payload writes for an article created in the `vi` locale: the document with its
 * locale, relation and text rows, and its versions (the last one `latest`, earlier ones not).
 */
export function pushArticle(tables: ArchiveTables, article: ArchiveArticle, ids: RowIds): void {
  tables.articles.push({
    id: article.id,
    ...documentColumns(article),
    updated_at: article.updatedAt,
    created_at: article.createdAt,
    _status: article.status,
  })
  tables.articles_locales.push({
    title: article.title,
    lead: article.lead,
    body: article.body,
    body_html: article.bodyHtml,
    id: ids.next('articles_locales'),
    _locale: LOCALE,
    _parent_id: article.id,
  })
  tables.articles_rels.push(...relationRows(article.id, article, ids, 'articles_rels'))
  tables.articles_texts.push(...textRows(article.id, article, ids, 'articles_texts'))
  if (article.draftBeforePublish)
    pushVersion(tables, article, ids, { status: 'draft', at: article.createdAt, latest: false })
  pushVersion(tables, article, ids, {
    status: article.status,
    at: article.updatedAt,
    latest: true,
  })
}

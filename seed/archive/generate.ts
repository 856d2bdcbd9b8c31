import type { Payload } from 'payload'
import { rebuildCategoryLists } from '../../features/content/categoryLists/index.js'
import { renderBodyHtml } from '../../features/content/bodyHtml.js'
import { slugify } from '../../core/slugify.js'
import { bulkWriter } from './bulk.js'
import { archiveContext, type ArchiveContext } from './context.js'
import { archiveTableNames, emptyTables, pushArticle, type ArchiveArticle } from './rows.js'
import { archiveBody, bylines, places, randomSource, subjects, tags } from './text.js'

export interface ArchiveOptions {
  articles: number
  /** Spread over the first `sites` sites (more than the demo's are created); default: all. */
  sites?: number
  now?: Date
  /** The random seed: the same options and seed make the same archive. */
  seed?: number
  log?: (message: string) => void
  /** Called with each article as written (tests compare it with what Payload reads back). */
  onArticle?: (article: ArchiveArticle, kind: ArchiveKind) => void
}

/** What was written, by what the public and editors see at `now`. */
export interface ArchiveResult {
  articles: number
  /** Published, `publishedAt` ≤ now, not expired: what the public reads. */
  public: number
  drafts: number
  scheduled: number
  expired: number
  versions: number
  firstId: number
  lastId: number
  bySite: Record<string, number>
  milliseconds: number
}

const DAY = 24 * 3600_000
const YEARS = 10
const ROWS_PER_TRANSACTION = 2_000
const BODY_POOL = 400

export type ArchiveKind = 'public' | 'drafts' | 'scheduled' | 'expired'

/**
 * Adds `articles` articles spanning ten years before `now` to the demo's sites, written as
 * Payload writes them (rows, locales, relations, versions) through multi-row INSERTs.
 * Shares: 5% drafts, 1% scheduled, 3% expired, 2% expiring later, the rest public.
 */
export async function generateArchive(
  payload: Payload,
  options: ArchiveOptions,
): Promise<ArchiveResult> {
  const started = Date.now()
  const writer = bulkWriter(payload)
  const now = options.now ?? new Date()
  const random = randomSource(options.seed ?? 17)
  const context = await archiveContext(payload, { sites: options.sites })
  await checkColumns(writer)
  const bodies = bodyPool(context, random)

  const ids = new Map<string, number>()
  for (const table of archiveTableNames) ids.set(table, await writer.maxId(table))
  const rowIds = { next: (table: string) => ids.set(table, ids.get(table)! + 1).get(table)! }
  const firstId = ids.get('articles')! + 1
  const result: ArchiveResult = {
    articles: 0,
    public: 0,
    drafts: 0,
    scheduled: 0,
    expired: 0,
    versions: 0,
    firstId,
    lastId: firstId - 1,
    bySite: {},
    milliseconds: 0,
  }
  const span = YEARS * 365 * DAY
  const start = now.getTime() - span
  for (let from = 0; from < options.articles; from += ROWS_PER_TRANSACTION) {
    const tables = emptyTables()
    const to = Math.min(options.articles, from + ROWS_PER_TRANSACTION)
    for (let i = from; i < to; i++) {
      const { article, kind } = archiveArticle(i, {
        id: firstId + i,
        at: start + ((i + random.next()) * span) / options.articles,
        now: now.getTime(),
        context,
        body: random.pick(bodies),
        random,
      })
      pushArticle(tables, article, rowIds)
      options.onArticle?.(article, kind)
      result[kind] += 1
      result.bySite[String(article.siteId)] = (result.bySite[String(article.siteId)] ?? 0) + 1
    }
    result.versions += tables._articles_v.length
    await writer.transaction(async (insert) => {
      for (const table of archiveTableNames) await insert(table, tables[table])
    })
    result.articles = to
    result.lastId = firstId + to - 1
    if (to % 10_000 === 0 || to === options.articles)
      options.log?.(`seed:archive: ${to} of ${options.articles} articles written.`)
  }
  await writer.afterInsert([...archiveTableNames])
  // The rows went past the hooks that keep the category table: copy it again from the articles.
  await rebuildCategoryLists(payload)
  result.milliseconds = Date.now() - started
  return result
}

/** Every column the generator writes must exist: a schema change fails here, naming the column. */
async function checkColumns(writer: ReturnType<typeof bulkWriter>) {
  const sample = emptyTables()
  pushArticle(sample, sampleArticle, { next: () => 1 })
  for (const table of archiveTableNames) {
    const columns = new Set(await writer.columns(table))
    if (!columns.size) throw new Error(`seed:archive: table "${table}" is missing; migrate first.`)
    for (const row of sample[table].slice(0, 1))
      for (const column of Object.keys(row))
        if (!columns.has(column))
          throw new Error(`seed:archive: column "${table}.${column}" is missing from the schema.`)
  }
}

const sampleArticle: ArchiveArticle = {
  id: 1,
  siteId: 1,
  slug: 's',
  title: 't',
  lead: 'l',
  body: '{}',
  bodyHtml: '',
  status: 'published',
  publishedAt: null,
  expiresAt: null,
  createdAt: new Date(0).toISOString(),
  updatedAt: new Date(0).toISOString(),
  coverImage: 1,
  categories: [1],
  authors: [1],
  source: 1,
  byline: null,
  tags: ['t'],
  draftBeforePublish: false,
}

/** Rendering HTML is the slow part: a pool of bodies, rendered once, that articles share. */
function bodyPool(context: ArchiveContext, random: ReturnType<typeof randomSource>) {
  const mediaIds = context.media.map((doc) => doc.id)
  const media = new Map(context.media.map((doc) => [String(doc.id), doc]))
  return Array.from({ length: BODY_POOL }, () => {
    const body = archiveBody(random, mediaIds)
    return { json: JSON.stringify(body), html: renderBodyHtml(body, { media }) }
  })
}

function archiveArticle(
  i: number,
  {
    id,
    at,
    now,
    context,
    body,
    random,
  }: {
    id: number
    at: number
    now: number
    context: ArchiveContext
    body: { json: string; html: string }
    random: ReturnType<typeof randomSource>
  },
): { article: ArchiveArticle; kind: ArchiveKind } {
  // The first site (the district) writes most; communes share the rest.
  const site =
    context.sites.length > 1 && random.next() >= 0.6
      ? context.sites[1 + random.int(context.sites.length - 1)]
      : context.sites[0]
  const categories = [random.pick(site.categories)]
  const second = random.pick(site.categories)
  if (random.next() < 0.2 && second !== categories[0]) categories.push(second)
  const authors = [random.pick(context.authors)]
  if (random.next() < 0.15) {
    const other = random.pick(context.authors)
    if (other !== authors[0]) authors.push(other)
  }
  const subject = random.pick(subjects)
  const place = random.pick(places)
  const title = `${subject} tại ${place}`
  const roll = random.next()
  const kind: ArchiveKind =
    roll < 0.05 ? 'drafts' : roll < 0.06 ? 'scheduled' : roll < 0.09 ? 'expired' : 'public'
  let publishedAt: number | null = at
  let expiresAt: number | null = null
  let createdAt = at - random.int(3 * 3600_000)
  if (kind === 'drafts') publishedAt = null
  if (kind === 'scheduled') {
    publishedAt = now + DAY + random.int(90 * DAY)
    createdAt = now - random.int(30 * DAY)
  }
  if (kind === 'expired') {
    publishedAt = Math.min(at, now - 2 * DAY)
    expiresAt = publishedAt + Math.min(DAY + random.int(180 * DAY), now - DAY - publishedAt)
  }
  // Some public articles expire later: still public now.
  if (kind === 'public' && roll > 0.98) expiresAt = now + DAY + random.int(365 * DAY)
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())
  const updatedAt = createdAt + random.int(2 * 3600_000)
  return {
    kind,
    article: {
      id,
      siteId: site.id,
      slug: `${slugify(title)}-${id}`,
      title,
      lead: `${place[0].toUpperCase()}${place.slice(1)} tổ chức ${subject.toLowerCase()}.`,
      body: body.json,
      bodyHtml: body.html,
      status: kind === 'drafts' ? 'draft' : 'published',
      publishedAt: iso(publishedAt),
      expiresAt: iso(expiresAt),
      createdAt: iso(createdAt)!,
      updatedAt: iso(updatedAt)!,
      coverImage:
        context.media.length && random.next() < 0.6 ? random.pick(context.media).id : null,
      categories,
      authors,
      source: random.next() < 0.9 ? random.pick(context.sources) : null,
      byline: random.next() < 0.1 ? random.pick(bylines) : null,
      tags: Array.from(new Set(Array.from({ length: random.int(4) }, () => random.pick(tags)))),
      draftBeforePublish: kind !== 'drafts' && i % 10 === 3,
    },
  }
}

import type { Pool } from 'pg'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CATEGORY_LISTS_INDEX,
  CATEGORY_LISTS_TABLE,
  rebuildCategoryLists,
} from '../features/content/categoryLists/index.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { recordStatements, type RecordedStatement } from './helpers/recordSql.js'
import { multiplyArticles, rawSql, type RawSql } from './helpers/archive.js'
import { addSite, defaultSite, userOn } from './helpers/sites.js'

// Issue 17: the public list, neighbour, feed and admin reads of articles use an index on both SQL
// databases: no full scan of articles, no sort of its rows. The SQL is the one the real routes
// issue (recorded from the database client while GraphQL and REST answer), planned by the
// database itself on 2,000 articles with fresh statistics; PostgreSQL with sequential scans off,
// so a plan that needs no sort is chosen whenever an index allows one.
const BASE = 20
const COPIES = 99
let app: TestApp
let sql: RawSql
let routes: Payload
let categoryId: string | number
/** The category of the odd ids: every one of them stays on the default site. */
let siteCategoryId: string | number
let editorToken: string
let middleSlug: string

type Statement = RecordedStatement

/** Records every statement the route handlers' database client runs while `run` runs. */
const recorded = (run: () => Promise<unknown>) => recordStatements(routes, run)

/** The statements whose main table is `table` (not those that only join or subquery it). */
const reading = (statements: Statement[], table: string) =>
  statements.filter((statement) =>
    new RegExp(`\\bfrom "${table}"(?: "${table}")?(?: where| left join| order|\\)|$)`).test(
      statement.text,
    ),
  )

type PlanNode = {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Plan Rows'?: number
  Plans?: PlanNode[]
}

const scansOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(scansOf)]

/** PostgreSQL's plan of a statement, sequential scans off (on one connection, for this plan only). */
async function postgresPlan(
  statement: Statement,
  bitmaps = true,
  hashes = true,
): Promise<PlanNode> {
  const pool = (app.payload.db as unknown as { pool: Pool }).pool
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SET LOCAL enable_seqscan = off')
    if (!bitmaps) await client.query('SET LOCAL enable_bitmapscan = off')
    if (!hashes) {
      await client.query('SET LOCAL enable_hashjoin = off')
      await client.query('SET LOCAL enable_mergejoin = off')
    }
    const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.params)
    return (rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0].Plan
  } finally {
    await client.query('ROLLBACK')
    client.release()
  }
}

interface Plan {
  /** A full scan of the table, or its rows sorted. */
  problems: string[]
  /** The indexes the plan reads the table through. */
  indexes: string[]
}

/**
 * The plan of one statement on `table`: what is wrong with it (a full scan of the table, or its
 * rows sorted: a temporary B-tree on SQLite, a Sort or Incremental Sort above its scan on
 * PostgreSQL; a row's locales or tags read other than by their parent) and the indexes it reads
 * the table through.
 */
async function planOf(statement: Statement, table: string, bitmaps = true): Promise<Plan> {
  if (sql.postgres) {
    const nodes = scansOf(await postgresPlan(statement, bitmaps))
    const problems: string[] = []
    // A page's rows read by their ids (features/content/idFirstReads.ts): at most that many to sort.
    const ids = /where "\w+"\."(?:id|parent_id)" in \(([^)]*)\)/.exec(statement.text)
    const sortable = ids ? ids[1].split(',').length : 1
    for (const node of nodes) {
      if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] === table)
        problems.push(`Seq Scan on ${table}`)
      // A sort of at most one row (the article by its unique slug) costs nothing.
      const input = node.Plans?.[0]?.['Plan Rows'] ?? Infinity
      if (
        /Sort$/.test(node['Node Type']) &&
        input > sortable &&
        scansOf(node).some((below) => below['Relation Name'] === table && below !== node)
      )
        problems.push(`${node['Node Type']} over ${table}`)
    }
    // A row's locales and tags: read by parent, not by walking an index led by another column.
    for (const node of nodes)
      if (
        /_(locales|texts)$/.test(node['Relation Name'] ?? '') &&
        !node['Index Name']?.endsWith('_parent_idx')
      )
        problems.push(
          `${node['Node Type']} on ${node['Relation Name']} (${node['Index Name'] ?? 'no index'})`,
        )
    const indexes = nodes.flatMap((node) =>
      node['Relation Name'] === table && node['Index Name'] ? [node['Index Name']] : [],
    )
    return { problems, indexes }
  }
  const rows = await sql.query<{ id: number; parent: number; detail: string }>(
    `EXPLAIN QUERY PLAN ${statement.text}`,
    statement.params,
  )
  const details = rows.map((row) => row.detail)
  // Only the statement's own level: its correlated subqueries (locales, relationships) nest deeper.
  const top = rows.filter((row) => row.parent === 0).map((row) => row.detail)
  return {
    problems: [
      ...top.filter(
        (detail) => new RegExp(`^SCAN ${table}\\b`).test(detail) || /TEMP B-TREE/.test(detail),
      ),
      // A row's locales and tags, at any depth: never a full scan (a scan of the subquery's own
      // result, its co-routine, is not one of the table).
      ...details.filter((detail) => {
        const scanned = /^SCAN (\S+__(?:locales|texts))\b/.exec(detail)?.[1]
        return scanned !== undefined && !details.includes(`CO-ROUTINE ${scanned}`)
      }),
    ],
    indexes: top.flatMap((detail) => {
      const match = new RegExp(`^(?:SEARCH|SCAN) ${table} USING (?:COVERING )?INDEX (\\S+)`).exec(
        detail,
      )
      return match ? [match[1]] : []
    }),
  }
}

/**
 * The plan of a category page's ids (features/content/categoryLists/reads.ts): the category
 * table read through `list` in order, up to the page; then each article by `articles`; no full
 * scan of either, and no sort but the page's own few rows (SQLite's temporary B-tree for the
 * outer `ORDER BY`; PostgreSQL's Sort above the nested loop of at most `limit` rows).
 */
async function pageIdsPlan(statement: Statement) {
  const problems: string[] = []
  let list: string | undefined
  let articles: string | undefined
  if (sql.postgres) {
    // Joins by hash and merge off too: on 2,000 articles PostgreSQL joins the page's ten rows to
    // a scan of the site's articles, cheaper on so small a table; on 100,000 it takes the nested
    // loop by primary key by itself (docs/scale-queries.md).
    const root = await postgresPlan(statement, false, false)
    for (const node of scansOf(root)) {
      const relation = node['Relation Name']
      if (node['Node Type'] === 'Seq Scan') problems.push(`Seq Scan on ${relation}`)
      if (relation === CATEGORY_LISTS_TABLE) list = node['Index Name']
      if (relation === 'articles')
        articles = node['Index Name'] === 'articles_pkey' ? 'primary key' : node['Index Name']
      if (/Sort$/.test(node['Node Type']) && (node.Plans?.[0]?.['Plan Rows'] ?? Infinity) > 10)
        problems.push(`${node['Node Type']} of ${node.Plans?.[0]?.['Plan Rows']} rows`)
    }
  } else {
    const rows = await sql.query<{ parent: number; detail: string }>(
      `EXPLAIN QUERY PLAN ${statement.text}`,
      statement.params,
    )
    for (const { parent, detail } of rows) {
      const index = new RegExp(`^SEARCH ${CATEGORY_LISTS_TABLE} USING COVERING INDEX (\\S+)`).exec(
        detail,
      )
      if (index) list = index[1]
      if (/^SEARCH articles USING INTEGER PRIMARY KEY/.test(detail)) articles = 'primary key'
      if (new RegExp(`^SCAN (articles|${CATEGORY_LISTS_TABLE})\\b`).test(detail))
        problems.push(detail)
      if (
        /TEMP B-TREE/.test(detail) &&
        !(parent === 0 && detail === 'USE TEMP B-TREE FOR ORDER BY')
      )
        problems.push(detail)
    }
  }
  return { list, articles, problems }
}

/** The plans of every statement on `table` that `run` issues (at least `atLeast` of them). */
async function plansOf(
  run: () => Promise<unknown>,
  table = 'articles',
  atLeast = 1,
): Promise<Plan> {
  const statements = reading(await recorded(run), table)
  expect(statements.length).toBeGreaterThanOrEqual(atLeast)
  const all: Plan = { problems: [], indexes: [] }
  for (const statement of statements) {
    const { problems, indexes } = await planOf(statement, table)
    all.problems.push(...problems.map((problem) => `${problem}: ${statement.text.slice(-160)}…`))
    all.indexes.push(...indexes)
  }
  return all
}

beforeAll(async () => {
  // Only the reads under test are recorded: no public cache (its boundary reads are its own).
  app = await startTestApp({ publicCache: false })
  sql = rawSql(app.payload)
  routes = await getPayload({ config: app.config })
  const { payload } = app
  const site = await defaultSite(app)
  const categories: Array<string | number> = []
  for (const title of ['Thời sự', 'Kinh tế'])
    categories.push(
      (await payload.create({ collection: 'categories', data: { title, site: site.id } as never }))
        .id,
    )
  categoryId = categories[1]
  siteCategoryId = categories[0]
  const now = Date.now()
  for (let i = 0; i < BASE; i++)
    await payload.create({
      collection: 'articles',
      data: {
        title: `Bài ${i}`,
        lead: 'Tóm tắt.',
        _status: 'published',
        publishedAt: new Date(now - (i + 1) * 60_000).toISOString(),
        categories: [categories[i % 2]],
        tags: ['xã', 'tỉnh'],
        site: site.id,
      } as never,
    })
  await multiplyArticles(sql, BASE, COPIES)
  // Half the copies on a second site, so the statistics show what the site filter is worth.
  const commune = await addSite(app, { name: 'Xã Mường Kim' })
  await sql.query(`UPDATE articles SET site_id = ${commune.id} WHERE id > ${BASE} AND id % 2 = 0`)
  await sql.query(
    `UPDATE _articles_v SET version_site_id = ${commune.id} WHERE parent_id > ${BASE} AND parent_id % 2 = 0`,
  )
  // The category table copied the sites before they were moved.
  await rebuildCategoryLists(app.payload)
  await sql.query(sql.postgres ? 'VACUUM ANALYZE' : 'ANALYZE')
  // The first user is made an admin (config/Users.ts): the editor comes second.
  await userOn(app, 'quantri@example.com', ['admin'])
  editorToken = (await userOn(app, 'bientap@example.com', ['editor'], [site])).token
  // An odd id (50 × 20 + 5), so on the default site.
  middleSlug = 'bai-4-50'
}, 120_000)
afterAll(() => app?.close())

// The indexes made for these reads (features/content/readIndexes.ts; the first two as Payload names them).
const PUBLIC_LIST = 'site__status_publishedAt_createdAt_expiresAt_idx'
const CATEGORY_LIST = 'site_primaryCategory__status_publishedAt_createdAt_expir_idx'
const NEIGHBOURS = 'articles_neighbours_idx'
const FEED = 'articles_feed_idx'
const ADMIN_LIST = '_articles_v_admin_list_idx'

/** Each plan is sound and reads through the index made for it. */
function expectServedBy(plan: Plan, index: string) {
  expect(plan.problems).toEqual([])
  expect(plan.indexes).toContain(index)
}

describe('the reads of articles use an index (issue 17)', () => {
  it('has the archive it plans on: 2,000 articles on two sites, the middle one by its slug', async () => {
    const [{ count }] = await sql.query<{ count: number }>('SELECT count(*) AS count FROM articles')
    expect(Number(count)).toBe(BASE * (COPIES + 1))
    const page = await app.graphql(`{ ArticlePage(slug: "${middleSlug}") { article { slug } } }`)
    expect(page.data.ArticlePage.article.slug).toBe(middleSlug)
  })

  it('the public list, newest first: page 1 and page 50, with its total', async () => {
    for (const page of [1, 50]) {
      const query = `{ Articles(limit: 10, page: ${page}, sort: "-publishedAt") { totalDocs docs { id } } }`
      expectServedBy(await plansOf(() => app.graphql(query), 'articles', 2), PUBLIC_LIST)
    }
  })

  it("a primary category's list, with its total", async () => {
    const where = `{ primaryCategory: { equals: ${JSON.stringify(categoryId)} } }`
    const query = `{ Articles(limit: 10, where: ${where}) { totalDocs docs { id } } }`
    expectServedBy(await plansOf(() => app.graphql(query), 'articles', 2), CATEGORY_LIST)
  })

  it("a category's list by `categories` (the SDK's filter), pages 1 and 40: the category table, then ten rows by id", async () => {
    for (const page of [1, 40]) {
      const where = `{ categories: { equals: ${JSON.stringify(siteCategoryId)} } }`
      const query = `{ Articles(limit: 10, page: ${page}, where: ${where}) { totalDocs docs { id } } }`
      let answer: any
      const statements = await recorded(async () => (answer = await app.graphql(query)))
      expect(answer.data.Articles.docs).toHaveLength(10)
      // The page's ids (each one's article checked by primary key) and the total: one range of
      // the table's index each. PostgreSQL without bitmap scans: on 2,000 articles it counts a
      // category through a bitmap of the primary key, a plan that stops paying as the table grows.
      const table = statements.filter((statement) =>
        statement.text.includes(`FROM "${CATEGORY_LISTS_TABLE}"`),
      )
      expect(table).toHaveLength(2)
      const [pageIds, total] = table
      expectServedBy(await planOf(total, CATEGORY_LISTS_TABLE, false), CATEGORY_LISTS_INDEX)
      expect(await pageIdsPlan(pageIds)).toEqual({
        list: CATEGORY_LISTS_INDEX,
        articles: 'primary key',
        problems: [],
      })
      // Then the rows of the page by id, through the primary key: no walk of a site's articles.
      const rows = reading(statements, 'articles')
      expect(rows.length).toBeGreaterThanOrEqual(1)
      for (const statement of rows) {
        const plan = await planOf(statement, 'articles')
        expect(plan.problems).toEqual([])
        expect(plan.indexes.filter((index) => index !== 'articles_pkey')).toEqual([])
      }
    }
  })

  it('REST /api/articles?limit=10', async () => {
    const read = () => app.rest('GET', '/articles?limit=10').then((r) => r.text())
    expectServedBy(await plansOf(read, 'articles', 2), PUBLIC_LIST)
  })

  it('ArticlePage: the article by slug and its newer and older neighbours', async () => {
    const query = `{ ArticlePage(slug: "${middleSlug}") { article { id } newer { id } older { id } } }`
    const plan = await plansOf(() => app.graphql(query), 'articles', 3)
    expectServedBy(plan, NEIGHBOURS)
    // Both sides: the newer and the older read.
    expect(plan.indexes.filter((index) => index === NEIGHBOURS)).toHaveLength(2)
  })

  it('the feed', async () => {
    const read = () => app.rest('GET', '/feed.xml').then((r) => r.text())
    expectServedBy(await plansOf(read, 'articles', 1), FEED)
  })

  it("the admin's list as an editor (latest versions, newest first)", async () => {
    const read = () =>
      app
        .rest('GET', '/articles?limit=10&depth=0&draft=true&sort=-publishedAt', {
          token: editorToken,
        })
        .then((r) => r.text())
    expectServedBy(await plansOf(read, '_articles_v', 2), ADMIN_LIST)
  })
})

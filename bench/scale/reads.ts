/**
 * The reads bench:scale measures, one request each. Add a read here (search, sitemaps, …) and
 * every database and size measures it too.
 */
export interface ScaleTargets {
  /** A public article of the default site (the seed article): ArticlePage and by slug. */
  slug: string
  /** A category of the default site, for its list pages. */
  category: string | number
  /** An editor's JWT, for the admin's own list. */
  editorToken: string
}

export interface ScaleRead {
  name: string
  request: (targets: ScaleTargets) => { path: string; init?: RequestInit }
  /**
   * The read whose figure at the smallest size this one is compared with, when not itself: a deep
   * page (page 500 of a category is past the end at 1,000 articles, an empty page that costs
   * less than any real one) is compared with page 1 there.
   */
  comparedWith?: string
  /** Throws when the answer is not the read it claims to be (an error, an empty page). */
  check: (body: string, targets: ScaleTargets) => void
}

const ARTICLE = `id title slug lead bodyHtml publishedAt byline sourceUrl
  authors { id name avatar { url } } source { id title url }
  categories { id title slug } coverImage { id url alt caption width height }`
const CARD =
  'id title slug lead publishedAt coverImage { url alt } authors { name } categories { slug title }'

const graphql = (query: string, variables: Record<string, unknown>) => ({
  path: '/api/graphql',
  init: {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  },
})

const noErrors = (body: string) => {
  const json = JSON.parse(body) as { errors?: unknown; data?: unknown }
  if (json.errors) throw new Error(JSON.stringify(json.errors).slice(0, 500))
  return json.data as any
}

/** A category's list by its primary category, or by `categories` (what `portal.articles.list({ category })` sends). */
type CategoryFilter = 'primaryCategory' | 'categories'

const categoryPageName = (page: number, filter: CategoryFilter) =>
  filter === 'primaryCategory'
    ? `category Articles page ${page} (limit 10, -publishedAt)`
    : `category Articles page ${page} by \`categories\` (the SDK's filter)`

const categoryPage = (page: number, filter: CategoryFilter = 'primaryCategory'): ScaleRead => ({
  name: categoryPageName(page, filter),
  comparedWith: page > 1 ? categoryPageName(1, filter) : undefined,
  request: ({ category }) =>
    graphql(
      `query Category($category: JSON, $page: Int) {
        Articles(where: { ${filter}: { equals: $category } }, sort: "-publishedAt", limit: 10, page: $page) {
          totalDocs docs { ${CARD} } } }`,
      { category, page },
    ),
  check: (body) => {
    const data = noErrors(body)
    if (page === 1 && data.Articles.docs.length !== 10) throw new Error('page 1 is not full')
  },
})

export const scaleReads: ScaleRead[] = [
  {
    name: 'ArticlePage (seed article, 5 neighbours)',
    request: ({ slug }) =>
      graphql(
        `query Page($slug: String!) { ArticlePage(slug: $slug, neighbors: 5) {
          article { ${ARTICLE} } newer { ${CARD} } older { ${CARD} } } }`,
        { slug },
      ),
    check: (body, { slug }) => {
      if (noErrors(body).ArticlePage.article.slug !== slug) throw new Error('not the article')
    },
  },
  categoryPage(1),
  categoryPage(500),
  // What `portal.articles.list({ category })` and the portal's sections send: the hasMany relation.
  categoryPage(1, 'categories'),
  categoryPage(500, 'categories'),
  {
    name: 'SearchArticles "hoi thao" page 1',
    request: () =>
      graphql(
        `query Search($q: String!) { SearchArticles(q: $q, limit: 10) { totalDocs docs { ${CARD} } } }`,
        { q: 'hoi thao' },
      ),
    check: (body) => {
      if (!noErrors(body).SearchArticles.docs.length) throw new Error('nothing found')
    },
  },
  {
    name: "admin's article list as an editor (REST, draft, depth 0)",
    request: ({ editorToken }) => ({
      path: '/api/articles?depth=0&limit=10&sort=-publishedAt&draft=true',
      init: { headers: { authorization: `JWT ${editorToken}` } },
    }),
    check: (body) => {
      if ((JSON.parse(body) as { docs?: unknown[] }).docs?.length !== 10)
        throw new Error(`not a page of 10: ${body.slice(0, 300)}`)
    },
  },
  {
    name: 'Articles by slug',
    request: ({ slug }) =>
      graphql(
        `query BySlug($slug: String!) { Articles(where: { slug: { equals: $slug } }, limit: 1) { docs { ${ARTICLE} } } }`,
        { slug },
      ),
    check: (body) => {
      if (noErrors(body).Articles.docs.length !== 1) throw new Error('not found by slug')
    },
  },
  {
    name: '/api/feed.xml',
    request: () => ({ path: '/api/feed.xml' }),
    check: (body) => {
      if (!body.includes('<item>')) throw new Error(`no item in the feed: ${body.slice(0, 300)}`)
    },
  },
  {
    name: '/api/news-sitemap.xml',
    request: () => ({ path: '/api/news-sitemap.xml' }),
    check: (body) => {
      if (!body.includes('<urlset')) throw new Error(`not a sitemap: ${body.slice(0, 300)}`)
    },
  },
]

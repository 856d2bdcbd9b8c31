import * as Documents from './generated/graphql.js'
import type { Article_Where, Operation } from './generated/graphql.js'
import { PortalError } from './errors.js'
import { createTransport, type SendOptions } from './transport.js'
import type {
  Article,
  ArticlePage,
  ArticleSummary,
  Author,
  Category,
  DossierStats,
  Locale,
  Page,
  PageSummary,
  Paginated,
  PortalId,
  PortalSite,
  RatingSummary,
  SearchResult,
  Source,
  Topic,
  VisitorStats,
} from './types.js'

export interface PortalClientOptions {
  /** The site's GraphQL endpoint, e.g. `https://portal.example.vn/api/graphql`. */
  endpoint: string
  /**
   * The site every call is for, by its slug (sent as `x-portal-site`): one deployment may serve a
   * province portal and its communes. Omitted, the server picks the site by the request's host,
   * else its default site.
   */
  site?: string
  /** The locale of every read unless a call says otherwise; the site's default locale when omitted. */
  locale?: Locale
  /** The fetch to use (a Next.js fetch with caching options, a test double…); the global one by default. */
  fetch?: typeof globalThis.fetch
  /** Headers sent with every request (an API key, a tracing id…). */
  headers?: Record<string, string>
  /** How long one call may take, retries and waits included. Default 10 000 ms; `Infinity` for no limit. */
  timeoutMs?: number
  /** How many times a query is retried on a network error, 5xx or 429. Default 2; mutations never retry. */
  retries?: number
  /**
   * Send queries by GET, by the hash the server knows them by (persisted queries), so a browser or
   * CDN may cache them; the full text when the server does not know the hash. Mutations are always
   * POST. Default `false` (every call a POST).
   */
  get?: boolean
}

export interface CallOptions {
  /** Aborts the call at once; the promise rejects with the signal's reason. */
  signal?: AbortSignal
  /** The locale of this read, overriding the client's. */
  locale?: Locale
}

export interface ListOptions extends CallOptions {
  /** 1-based page number. Default 1. */
  page?: number
  /** Documents per page. Default 10 (the server's default). */
  limit?: number
  /** A field name, `-` for descending (e.g. `-publishedAt`). Default: the collection's order. */
  sort?: string
}

export interface ArticleListOptions extends ListOptions {
  /** Only articles in this category (its id). */
  category?: PortalId
  /** Only articles by this author (its id). */
  author?: PortalId
  /** Only articles from this source (its id). */
  source?: PortalId
  /** Only articles following this topic (its id). */
  topic?: PortalId
  /** Only articles whose title or lead contains these words. */
  search?: string
}

export interface ArticlePageOptions extends CallOptions {
  /** How many newer and older articles to include, 1 to 20. Default 5 (the server's default). */
  neighbors?: number
}

export interface SearchOptions extends CallOptions {
  /** Only articles in this category (its slug). */
  category?: string
  /** 1-based page number. Default 1. */
  page?: number
  /** Articles per page, up to the server's public cap (100 by default). Default 10. */
  limit?: number
}

export interface RateOptions extends Omit<CallOptions, 'locale'> {
  /** The reader's voter token (see `voterToken()`), sent as `x-voter-token`. */
  voterToken?: string
}

export interface Visit {
  /** A random id kept per browser session (see `browserSession()`). */
  session: string
  /** The page visited, e.g. `/tin-tuc-su-kien/hoi-thao-...`. */
  path?: string
  /** The article read on that page, to count its views. */
  article?: PortalId
}

export interface CollectionClient<T> {
  list(options?: ListOptions): Promise<Paginated<T>>
  /** The document with this slug, or `null` when there is none. */
  bySlug(slug: string, options?: CallOptions): Promise<T | null>
}

export interface PortalClient {
  /** The public settings of the client's site (name, slug, address, time zone), for the header and date lines. */
  site(options?: CallOptions): Promise<PortalSite>
  articles: {
    list(options?: ArticleListOptions): Promise<Paginated<ArticleSummary>>
    /** Every page of a list, one request per page: `for await (const page of portal.articles.all()) …`. */
    all(options?: ArticleListOptions): AsyncIterableIterator<Paginated<ArticleSummary>>
    /** The public article with this slug, or `null`. */
    bySlug(slug: string, options?: CallOptions): Promise<Article | null>
    /** A whole article page in exactly one request, or `null` when the article is missing or not public. */
    page(slug: string, options?: ArticlePageOptions): Promise<ArticlePage | null>
    /**
     * The site's public articles holding every word of `q` (case and Vietnamese marks ignored),
     * title matches first, then newest first. A blank or over-200-character `q` is a `PortalError`.
     */
    search(q: string, options?: SearchOptions): Promise<SearchResult>
  }
  authors: CollectionClient<Author>
  sources: CollectionClient<Source>
  /** `bySlug` also finds a category by an old slug: its `slug` then differs (answer 301). */
  categories: CollectionClient<Category>
  /** Event threads; a topic's articles: `articles.list({ topic: topic.id })`. */
  topics: CollectionClient<Topic>
  /** The site's published standing pages (about, organisation, contact), in the call's locale. */
  pages: {
    list(options?: ListOptions): Promise<Paginated<PageSummary>>
    /** The published page with this slug, or `null`. */
    bySlug(slug: string, options?: CallOptions): Promise<Page | null>
  }
  ratings: {
    /** Rates an article 1..5 for this reader and returns the new summary. Never retried. */
    rate(article: PortalId, score: number, options?: RateOptions): Promise<RatingSummary>
  }
  visits: {
    /** Records a page view and returns the site's visitor figures. Never retried. */
    record(visit: Visit, options?: Omit<CallOptions, 'locale'>): Promise<VisitorStats>
  }
  widgets: {
    /** The visitor counter: online, today, this month, last month, total. */
    visitors(options?: Omit<CallOptions, 'locale'>): Promise<VisitorStats>
    /** The dossier-processing panel with this slug (the first enabled one when omitted), or `null`. */
    dossierStats(slug?: string, options?: Omit<CallOptions, 'locale'>): Promise<DossierStats | null>
  }
}

/** An absolute endpoint URL; a relative one (`/api/graphql`) is resolved against the page in a browser. */
function resolveEndpoint(endpoint: string | undefined): string {
  const base = (globalThis as { location?: { href?: string } }).location?.href
  try {
    if (!endpoint) throw new TypeError('missing')
    return new URL(endpoint, base).toString()
  } catch {
    throw new TypeError(
      `createPortalClient: endpoint must be an absolute URL such as https://portal.example.vn/api/graphql${base ? ' or a path' : ''}, not ${JSON.stringify(endpoint ?? null)}.`,
    )
  }
}

/** The client's headers plus `x-portal-site` when a site is named (a blank one is a mistake, not "no site"). */
function withSite(
  headers: Record<string, string> | undefined,
  site: string | undefined,
): Record<string, string> | undefined {
  if (site === undefined) return headers
  if (typeof site !== 'string' || !site.trim())
    throw new TypeError(
      `createPortalClient: site must be a site's slug such as "xa-muong-kim", not ${JSON.stringify(site)}.`,
    )
  return { ...headers, 'x-portal-site': site.trim() }
}

/** Fails loudly when the server leaves out what it always sends. */
function present<T>(value: T, what: string): NonNullable<T> {
  if (value === null || value === undefined)
    throw new PortalError('SERVER', `The portal API sent no ${what}.`)
  return value
}

function articleWhere({
  category,
  author,
  source,
  topic,
  search,
}: ArticleListOptions): Article_Where | undefined {
  const where: Article_Where = {}
  if (category !== undefined) where.categories = { equals: category }
  if (author !== undefined) where.authors = { equals: author }
  if (source !== undefined) where.source = { equals: source }
  if (topic !== undefined) where.topics = { in: [topic] }
  if (search?.trim())
    where.OR = [{ title: { like: search.trim() } }, { lead: { like: search.trim() } }]
  return Object.keys(where).length ? where : undefined
}

/** The variables of every by-slug read. */
type BySlugVariables = { slug: string; locale?: Locale | null }

/** Creates a client for one portal: plain objects of methods grouped by resource. */
export function createPortalClient(options: PortalClientOptions): PortalClient {
  const transport = createTransport({
    ...options,
    endpoint: resolveEndpoint(options?.endpoint),
    headers: withSite(options?.headers, options?.site),
  })
  const send = ({ signal }: { signal?: AbortSignal }): SendOptions => ({ signal })
  const locale = (call: CallOptions) => call.locale ?? options.locale
  const paging = (call: ListOptions = {}) => ({
    page: call.page,
    limit: call.limit,
    sort: call.sort,
    locale: locale(call),
  })

  /** `list` and `bySlug` of one collection (`field` is its root query field): the same for every collection. */
  function collection<
    TField extends string,
    TListed,
    TFound,
    TListOptions extends ListOptions,
    TListVariables,
  >(
    field: TField,
    what: string,
    listDocument: Operation<Record<TField, Paginated<TListed> | null>, TListVariables>,
    bySlugDocument: Operation<Record<TField, { docs: TFound[] } | null>, BySlugVariables>,
    listVariables: (call?: TListOptions) => TListVariables,
  ) {
    return {
      async list(call?: TListOptions): Promise<Paginated<TListed>> {
        const data = await transport.query(listDocument, listVariables(call), send(call ?? {}))
        return present(data[field], what)
      },
      async bySlug(slug: string, call: CallOptions = {}): Promise<TFound | null> {
        const data = await transport.query(
          bySlugDocument,
          { slug, locale: locale(call) },
          send(call),
        )
        return present(data[field], what).docs[0] ?? null
      },
    }
  }

  const articles = collection(
    'Articles',
    'article list',
    Documents.ArticleListDocument,
    Documents.ArticleBySlugDocument,
    (call: ArticleListOptions = {}) => ({ ...paging(call), where: articleWhere(call) }),
  )

  return {
    async site(call = {}) {
      const data = await transport.query(
        Documents.PortalSiteDocument,
        { locale: locale(call) },
        send(call),
      )
      return present(data.PortalSite, 'site settings')
    },
    articles: {
      ...articles,
      async *all(call: ArticleListOptions = {}) {
        for (let page = call.page ?? 1; ;) {
          const result = await articles.list({ ...call, page })
          yield result
          if (!result.hasNextPage) return
          page = result.nextPage ?? page + 1
        }
      },
      async page(slug, call = {}) {
        const data = await transport.query(
          Documents.ArticlePageDocument,
          { slug, neighbors: call.neighbors, locale: locale(call) },
          send(call),
        )
        return data.ArticlePage ?? null
      },
      async search(q, call = {}) {
        const data = await transport.query(
          Documents.SearchArticlesDocument,
          { q, category: call.category, page: call.page, limit: call.limit, locale: locale(call) },
          send(call),
        )
        return present(data.SearchArticles, 'search results')
      },
    },
    authors: collection(
      'Authors',
      'author list',
      Documents.AuthorListDocument,
      Documents.AuthorBySlugDocument,
      paging,
    ),
    sources: collection(
      'Sources',
      'source list',
      Documents.SourceListDocument,
      Documents.SourceBySlugDocument,
      paging,
    ),
    categories: {
      async list(call?: ListOptions) {
        const data = await transport.query(
          Documents.CategoryListDocument,
          paging(call),
          send(call ?? {}),
        )
        return present(data.Categories, 'category list')
      },
      async bySlug(slug: string, call: CallOptions = {}) {
        const data = await transport.query(
          Documents.CategoryBySlugDocument,
          { slug, locale: locale(call) },
          send(call),
        )
        return data.CategoryBySlug ?? null
      },
    },
    topics: collection(
      'Topics',
      'topic list',
      Documents.TopicListDocument,
      Documents.TopicBySlugDocument,
      paging,
    ),
    pages: collection(
      'Pages',
      'page list',
      Documents.PageListDocument,
      Documents.PageBySlugDocument,
      paging,
    ),
    ratings: {
      async rate(article, score, call = {}) {
        const headers = call.voterToken ? { 'x-voter-token': call.voterToken } : undefined
        const data = await transport.mutate(
          Documents.RateArticleDocument,
          { article, score },
          { signal: call.signal, headers },
        )
        return present(data.rateArticle, 'rating summary')
      },
    },
    visits: {
      async record(visit, call = {}) {
        const data = await transport.mutate(
          Documents.RecordVisitDocument,
          { session: visit.session, path: visit.path, article: visit.article },
          send(call),
        )
        return present(data.recordVisit, 'visitor figures')
      },
    },
    widgets: {
      async visitors(call = {}) {
        return present(
          (await transport.query(Documents.VisitorStatsDocument, {}, send(call))).VisitorStats,
          'visitor figures',
        )
      },
      async dossierStats(slug, call = {}) {
        return (
          (await transport.query(Documents.DossierStatsDocument, { slug }, send(call)))
            .DossierStats ?? null
        )
      },
    },
  }
}

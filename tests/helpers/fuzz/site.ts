import { getPayload, type Payload } from 'payload'
import { GRAPHQL_POST, REST_GET, REST_POST } from '@payloadcms/next/routes'
import { startTestApp, type TestApp } from '../app.js'
import { limitRequestBody } from '../../../plugin/index.js'
import { generatedArticles, generatedCategories, hiddenArticles } from '../../../seed/generated.js'
import { seedWidgets } from '../../../seed/widgets.js'
import site from '../../../seed/fixtures/seed-site.json'
import { paragraph, richText } from '../../../core/lexical.js'

/** A small portal to fuzz: its app, the route handlers, and real slugs and ids to mix into inputs. */
export interface FuzzSite {
  app: TestApp
  /** The Payload instance the route handlers use (Next's handlers keep their own). */
  routePayload: Payload
  /** Slugs and ids (as text) of the seeded documents, public or not. */
  known: string[]
  articleIds: string[]
  routes: {
    get: (request: Request) => Promise<Response>
    post: (request: Request) => Promise<Response>
    graphql: (request: Request) => Promise<Response>
  }
}

/**
 * Starts the app and seeds three categories, an author, a source, four published articles (one
 * closed to ratings), a draft, and the seed page's visitor counter and dossier panel.
 */
export async function startFuzzSite(): Promise<FuzzSite> {
  const app = await startTestApp()
  const { payload } = app
  const categories = await Promise.all(
    generatedCategories.map((data) => payload.create({ collection: 'categories', data })),
  )
  const author = await payload.create({ collection: 'authors', data: { name: site.author.name } })
  const source = await payload.create({ collection: 'sources', data: { title: site.source.title } })
  const articles = []
  const drafts = hiddenArticles(new Date()).slice(0, 1)
  for (const [index, article] of [...generatedArticles(4), ...drafts].entries()) {
    articles.push(
      await payload.create({
        collection: 'articles',
        draft: article.status === 'draft',
        data: {
          title: article.title,
          lead: article.lead,
          body: richText(...article.paragraphs.map((text) => paragraph(text))),
          authors: [author.id],
          source: source.id,
          categories: [categories[index % categories.length].id],
          publishedAt: article.publishedAt,
          allowRatings: index !== 3,
          _status: article.status,
        },
      }),
    )
  }
  await seedWidgets(payload, { log: false })
  const widgets = await payload.find({ collection: 'counter-widgets', depth: 0 })
  const documents = [...categories, author, source, ...articles, ...widgets.docs] as Array<{
    id: string | number
    slug?: string | null
  }>
  const config = app.config
  const [get, post] = [REST_GET(config), REST_POST(config)]
  const routes = {
    get: (request: Request) => get(request, { params: slugOf(request) }),
    post: (request: Request) => post(request, { params: slugOf(request) }),
    // The GraphQL route as apps deploy it: the plugin's wrapper over Payload's handler.
    graphql: limitRequestBody(config, GRAPHQL_POST(config)),
  }
  // The route handlers get their Payload through Next's cache key, not the test app's.
  const routePayload = await getPayload({ config })
  if (!process.env.FUZZ_LOG) routePayload.logger.level = 'silent'
  return {
    app,
    routePayload,
    known: [
      ...documents.flatMap((doc) => (doc.slug ? [doc.slug] : [])),
      ...documents.map((doc) => String(doc.id)),
    ],
    articleIds: articles.map((article) => String(article.id)),
    routes,
  }
}

/** The `[...slug]` route parameters Next would hand over for this request's path under /api. */
function slugOf(request: Request) {
  const pathname = new URL(request.url).pathname.replace(/^\/api\/?/, '')
  const decode = (segment: string) => {
    try {
      return decodeURIComponent(segment)
    } catch {
      return segment
    }
  }
  return Promise.resolve({ slug: pathname.split('/').filter(Boolean).map(decode) })
}

/** A request as a browser or script would send it, with the client's socket address. */
export function clientRequest(
  method: string,
  pathAndQuery: string,
  { headers = {}, body, ip }: { headers?: Record<string, string>; body?: string; ip?: string } = {},
): Request {
  const request = new Request(`http://localhost:3000/api${pathAndQuery}`, {
    method,
    headers,
    body,
  })
  if (ip !== undefined) Object.defineProperty(request, 'ip', { value: ip, enumerable: false })
  return request
}

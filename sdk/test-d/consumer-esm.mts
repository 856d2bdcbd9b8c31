// Type-checked by tests/sdk-package.test.ts against the built package, as an ESM consumer would import it.
import {
  createPortalClient,
  formatCount,
  formatDateLine,
  PortalError,
  ratingLine,
  voterToken,
  type Article,
  type ArticlePage,
  type PortalErrorCode,
} from 'news-portal-sdk'

const portal = createPortalClient({
  endpoint: 'https://portal.example.vn/api/graphql',
  locale: 'vi',
  timeoutMs: 5_000,
})

export async function render(slug: string): Promise<string> {
  const page: ArticlePage | null = await portal.articles.page(slug, { neighbors: 5 })
  if (!page) return 'not found'
  const { article, newer, older } = page
  const title: string = article.title
  const published: string = article.publishedAt
  const views: number | null = article.views
  const lead: string | null = article.lead
  // @ts-expect-error lead can be null: the server may send null
  const leadLength: number = article.lead.length
  const authors: string[] = (article.authors ?? []).map((author) => author.name)
  const line = article.rating ? ratingLine(article.rating) : ''
  const neighbours: string[] = [...newer, ...older].map(
    (summary) => `${summary.title} ${formatDateLine(summary.publishedAt)}`,
  )
  return [title, published, views, lead, leadLength, authors, line, neighbours].join()
}

export async function list(): Promise<number> {
  let count = 0
  for await (const page of portal.articles.all({ limit: 20 })) count += page.docs.length
  const article: Article | null = await portal.articles.bySlug('x')
  // @ts-expect-error there is no such method
  portal.articles.byId(1)
  try {
    await portal.ratings.rate(article?.id ?? 1, 5, { voterToken: 'abc' })
    const readerCookies = new Map<string, string>()
    await portal.ratings.rate(article?.id ?? 1, 5, { voterToken: voterToken(readerCookies) })
    // @ts-expect-error the reader's store is an object with get/set or getItem/setItem, not a cookie header
    voterToken('news-portal.voter=abc')
  } catch (error) {
    if (error instanceof PortalError) {
      const code: PortalErrorCode = error.code
      const status: number | undefined = error.status
      return [code, status].length
    }
  }
  return count + formatCount((await portal.widgets.visitors()).total).length
}

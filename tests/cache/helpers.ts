import type { TestApp } from '../helpers/app.js'

export interface CachedAnswer {
  verdict: string | null
  status: number
  text: string
  json: any
}

/** Runs a GraphQL request through the app's wrapped route; the verdict is `x-news-portal-cache`. */
export async function ask(
  app: TestApp,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<CachedAnswer> {
  const response = await app.graphqlRoute(
    new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    }),
  )
  const text = await response.text()
  return {
    verdict: response.headers.get('x-news-portal-cache'),
    status: response.status,
    text,
    json: JSON.parse(text),
  }
}

export const ARTICLE_BY_SLUG = /* GraphQL */ `
  query ArticleBySlug($slug: String!) {
    Articles(where: { slug: { equals: $slug } }) {
      docs {
        title
        slug
        authors {
          name
        }
        categories {
          title
        }
      }
    }
  }
`

export const TITLES = /* GraphQL */ `
  query Titles {
    Articles(sort: "title", limit: 50) {
      docs {
        title
      }
    }
  }
`

/** The titles a `TITLES` answer lists. */
export const titlesOf = (answer: CachedAnswer): string[] =>
  answer.json.data.Articles.docs.map((doc: { title: string }) => doc.title)

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

import type { TestApp } from './app.js'

/** One GraphQL request the SDK sent: its operation and variables. */
export interface SentOperation {
  operationName: string
  variables: Record<string, unknown>
}

/**
 * A `fetch` for `createPortalClient` that hands each request to the app's real GraphQL route
 * handler and notes what was asked in `sent`.
 */
export function routeFetch(app: TestApp, sent: SentOperation[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const body = (await request.clone().json()) as SentOperation
    sent.push({ operationName: body.operationName, variables: body.variables ?? {} })
    return app.graphqlRoute(request)
  }
}

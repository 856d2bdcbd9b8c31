import { persistedQueryHashes } from './generated/persisted.js'

/** What a failed GET throws: the shape the transport classifies (as graphql-request's ClientError). */
interface GetFailure {
  response: { status: number; errors?: Array<Record<string, unknown> & { message: string }> }
}

const NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND'

/** Whether the server did not know the hash (it then wants the query's text). */
const hashUnknown = (failure: unknown) => {
  const first = (failure as Partial<GetFailure>)?.response?.errors?.[0]
  const extensions = first?.extensions as { code?: unknown } | undefined
  return first?.code === NOT_FOUND || extensions?.code === NOT_FOUND
}

/** The GET URL of one query (GraphQL over HTTP): `variables` only when there are some. */
function queryUrl(endpoint: string, sent: { query?: string; hash?: string }, variables: unknown) {
  const url = new URL(endpoint)
  if (sent.query !== undefined) url.searchParams.set('query', sent.query)
  const json = JSON.stringify(variables ?? {})
  if (json !== '{}') url.searchParams.set('variables', json)
  if (sent.hash !== undefined)
    url.searchParams.set(
      'extensions',
      JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sent.hash } }),
    )
  return url.toString()
}

/**
 * Sends a query by GET: by its persisted hash when the SDK has one (a short, cacheable URL), the
 * full text when the server answers that it does not know the hash (remembered in `unknown`).
 * Resolves with `data`; throws a GetFailure for a GraphQL error or an HTTP error status.
 */
export async function queryByGet<TResult>(
  fetchImpl: typeof globalThis.fetch,
  endpoint: string,
  document: string,
  variables: unknown,
  init: { headers: Record<string, string>; signal: AbortSignal },
  unknown: Set<string>,
): Promise<TResult | null | undefined> {
  const send = async (sent: { query?: string; hash?: string }) => {
    const response = await fetchImpl(queryUrl(endpoint, sent, variables), {
      method: 'GET',
      headers: { accept: 'application/graphql-response+json, application/json', ...init.headers },
      signal: init.signal,
    })
    const answer = (await response.json()) as { data?: TResult | null; errors?: unknown[] }
    if (answer.errors?.length || !response.ok)
      throw { response: { status: response.status, errors: answer.errors } } as GetFailure
    return answer.data
  }
  const hash = persistedQueryHashes.get(document)
  if (hash === undefined || unknown.has(hash)) return send({ query: document })
  try {
    return await send({ hash })
  } catch (failure) {
    if (!hashUnknown(failure)) throw failure
    unknown.add(hash)
    return send({ query: document })
  }
}

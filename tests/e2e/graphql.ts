/** An anonymous request to the public GraphQL API (no cookie, no token), as another portal would send it. */
export async function anonymousGraphQL<T>(
  baseURL: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${baseURL}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> }
  if (body.errors?.length)
    throw new Error(`GraphQL: ${body.errors.map((error) => error.message).join('; ')}`)
  return body.data as T
}

/** What a route handler answered, or what it threw (Next turns a throw into a bare 500). */
export interface Answer {
  status: number
  contentType: string
  text: string
  json?: unknown
  thrown?: string
}

/** Calls a route handler and reads its whole answer; a throw counts as the 500 Next would send. */
export async function exchange(
  handler: (request: Request) => Promise<Response>,
  request: Request,
): Promise<Answer> {
  let response: Response
  try {
    response = await handler(request)
  } catch (error) {
    return {
      status: 500,
      contentType: '',
      text: '',
      thrown: (error as Error)?.stack ?? String(error),
    }
  }
  const text = await response.text()
  const contentType = response.headers.get('content-type') ?? ''
  let json: unknown
  if (/json/.test(contentType)) {
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
  }
  return { status: response.status, contentType, text, json }
}

type ErrorEntry = { message?: unknown; extensions?: { statusCode?: unknown } }
const errorsOf = (json: unknown): ErrorEntry[] | undefined => {
  const errors = (json as { errors?: unknown } | null | undefined)?.errors
  return Array.isArray(errors) ? (errors as ErrorEntry[]) : undefined
}

// A stack frame, a path inside the server, or the SQL of a failed query.
const LEAKS: Array<[string, RegExp]> = [
  ['a stack frame', /(^|\n|\\n)\s*at [^\n]*?:\d+:\d+/],
  ['a node_modules path', /\/node_modules\//],
  ['a path under /work/', /\/work\//],
  ['the SQL of a failed query', /Failed query:/],
]

/** The properties every answer to a public request must have; each broken one is named. */
export function answerProblems(answer: Answer, kind: 'graphql' | 'rest' | 'feed'): string[] {
  const problems: string[] = []
  if (answer.thrown) problems.push(`the handler threw (a 500): ${answer.thrown.split('\n')[0]}`)
  else if (answer.status >= 500) problems.push(`status ${answer.status}`)
  for (const [name, pattern] of LEAKS) {
    if (pattern.test(answer.text)) problems.push(`the body shows ${name}`)
  }
  if (answer.status >= 400 && answer.status < 500) {
    const message = errorsOf(answer.json)?.[0]?.message
    const payloadMessage = (answer.json as { message?: unknown } | undefined)?.message
    const readable =
      (typeof message === 'string' && message.trim() !== '') ||
      (kind === 'rest' && typeof payloadMessage === 'string' && payloadMessage.trim() !== '')
    if (!readable) problems.push(`a ${answer.status} without a JSON errors[0].message`)
  }
  if (kind === 'graphql' && answer.status === 200) {
    const body = answer.json as { data?: unknown; errors?: unknown } | undefined
    if (!body || (body.data === undefined && body.errors === undefined))
      problems.push('a 200 that is not a GraphQL result')
    for (const error of errorsOf(body) ?? []) {
      if (typeof error.message !== 'string' || !error.message.trim())
        problems.push('a GraphQL error without a message')
      const status = Number(error.extensions?.statusCode)
      if (status >= 500 || error.message === 'Something went wrong.')
        problems.push(`a GraphQL error with status ${status}: ${String(error.message)}`)
    }
  }
  return problems
}

/** True when a GraphQL answer refused the operation (or the root field `field`). */
export function graphqlRefused(answer: Answer, field?: string): boolean {
  if (answer.status !== 200) return true
  const body = answer.json as { data?: Record<string, unknown> | null; errors?: unknown[] }
  if (body?.errors?.length) return true
  return field ? body?.data?.[field] == null : false
}

import type { AfterErrorHook } from 'payload'

// Payload's REST handlers JSON.parse `where` and `data` sent as one string, before any hook runs.
const MESSAGES: Record<string, string> = {
  where: 'where must be JSON or brackets (where[field][operator]=value).',
  data: 'data must be JSON.',
}

const isJson = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** `?where=nope` is the client's mistake: a 400 naming the parameter, not the parser's 500. */
export const jsonParamError: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (graphqlResult || !(error instanceof SyntaxError)) return
  const query = (req.query ?? {}) as Record<string, unknown>
  for (const [name, message] of Object.entries(MESSAGES)) {
    const value = query[name]
    if (typeof value === 'string' && value.length > 0 && !isJson(value))
      return { status: 400, response: { errors: [{ message, code: 'VALIDATION', field: name }] } }
  }
}

import type { Payload } from 'payload'

/** One statement a database client ran, with its bound values. */
export interface RecordedStatement {
  text: string
  params: unknown[]
}

/**
 * Every statement `payload`'s database client (libsql for SQLite, node-postgres for PostgreSQL)
 * runs while `run` runs: what the route handlers really send, for tests that plan or count them.
 */
export async function recordStatements(
  payload: Payload,
  run: () => Promise<unknown>,
): Promise<RecordedStatement[]> {
  const statements: RecordedStatement[] = []
  const db = payload.db as unknown as Record<string, any>
  const postgres = db.name === 'postgres'
  const target = postgres ? db.pool : db.client
  const method = postgres ? 'query' : 'execute'
  const original = target[method]
  target[method] = function (this: unknown, ...args: any[]) {
    const [first, second] = args
    if (typeof first === 'string') statements.push({ text: first, params: second ?? [] })
    else if (first && typeof first === 'object')
      // libsql: { sql, args }; node-postgres (drizzle): a query config, then the values.
      statements.push({
        text: first.sql ?? first.text,
        params: first.args ?? second ?? first.values ?? [],
      })
    return original.apply(this, args)
  }
  try {
    await run()
  } finally {
    target[method] = original
  }
  return statements
}

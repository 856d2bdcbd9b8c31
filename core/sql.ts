import type { Payload, PayloadRequest } from 'payload'
import type { Id } from './ids.js'

/** The SQL databases the plugin's own tables are built for (`payload.db.name`). */
export type SqlDialect = 'sqlite' | 'postgres'

export function sqlDialect(payload: Payload): SqlDialect | null {
  const name = payload.db.name
  return name === 'sqlite' || name === 'postgres' ? name : null
}

type RawAdapter = {
  drizzle: unknown
  sessions?: Record<string, { db?: unknown } | undefined>
  execute: (args: { db?: unknown; drizzle?: unknown; raw: string }) => Promise<unknown>
}

/**
 * Runs one raw statement in the request's transaction when it has one (SQLite would otherwise wait
 * on the lock that transaction holds) and returns its rows. Only values made safe by the literal
 * helpers below are ever written into `statement`.
 */
export async function runSql(
  payload: Payload,
  statement: string,
  req?: Partial<PayloadRequest>,
): Promise<Array<Record<string, unknown>>> {
  const adapter = payload.db as unknown as RawAdapter
  const transactionId = req?.transactionID ? await req.transactionID : undefined
  const db = (transactionId && adapter.sessions?.[String(transactionId)]?.db) || adapter.drizzle
  const result = (await adapter.execute({ db, drizzle: db, raw: statement })) as {
    rows?: Array<Record<string, unknown>>
  }
  return result?.rows ?? []
}

/** An id literal: an integer, or a text id of letters, digits and dashes (uuid). */
export function idLiteral(id: Id | unknown): string {
  if (typeof id === 'number' && Number.isSafeInteger(id)) return String(id)
  if (typeof id === 'string' && /^[0-9a-zA-Z-]{1,64}$/.test(id)) return `'${id}'`
  throw new Error(`sql: ${JSON.stringify(id)} is not an id.`)
}

/** A point in time as the dialect stores Payload dates (ISO text in SQLite, timestamptz in PostgreSQL). */
export function dateLiteral(dialect: SqlDialect, date: Date): string {
  const iso = date.toISOString()
  return dialect === 'postgres' ? `'${iso}'::timestamptz` : `'${iso}'`
}

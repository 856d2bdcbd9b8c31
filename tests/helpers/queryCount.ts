import type { Payload } from 'payload'

/** Every read and write method of Payload's database adapter interface. */
const ADAPTER_METHODS = [
  'find',
  'findOne',
  'findDistinct',
  'count',
  'countVersions',
  'countGlobalVersions',
  'queryDrafts',
  'findVersions',
  'findGlobal',
  'findGlobalVersions',
  'create',
  'createVersion',
  'createGlobal',
  'createGlobalVersion',
  'updateOne',
  'updateMany',
  'updateVersion',
  'updateGlobal',
  'updateGlobalVersion',
  'upsert',
  'deleteOne',
  'deleteMany',
  'deleteVersions',
] as const

/** Counts the adapter calls (and, on SQLite, the SQL statements) made while `run` runs. */
export async function countQueries(payload: Payload, run: () => Promise<unknown>) {
  const calls: string[] = []
  let statements = 0
  const db = payload.db as unknown as Record<string, unknown>
  const restore: Array<() => void> = []
  for (const method of ADAPTER_METHODS) {
    const original = db[method]
    if (typeof original !== 'function') continue
    db[method] = function (this: unknown, ...args: unknown[]) {
      calls.push(`${method}:${(args[0] as { collection?: string })?.collection ?? ''}`)
      return original.apply(this, args)
    }
    restore.push(() => (db[method] = original))
  }
  const client = (db as { client?: Record<string, unknown> }).client
  if (db.name === 'sqlite' && client) {
    for (const method of ['execute', 'batch'] as const) {
      const original = client[method] as (...args: unknown[]) => unknown
      client[method] = function (this: unknown, ...args: unknown[]) {
        statements += method === 'batch' ? (args[0] as unknown[]).length : 1
        return original.apply(this, args)
      }
      restore.push(() => (client[method] = original))
    }
  }
  try {
    await run()
  } finally {
    for (const undo of restore) undo()
  }
  return { calls: calls.sort(), statements }
}

import path from 'node:path'
import fs from 'node:fs'
import type { DatabaseAdapterObj } from 'payload'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { fileURLToPath } from 'node:url'
import { migrations as sqliteMigrations } from '../migrations/sqlite/index.js'
import { migrations as postgresMigrations } from '../migrations/postgres/index.js'

export type DatabaseKind = 'sqlite' | 'mongodb' | 'postgres'

export interface DatabaseChoice {
  kind: DatabaseKind
  /** The URL handed to the adapter (for SQLite, `file:` plus an absolute path). */
  url: string
}

/** Where the demo keeps its SQLite file, uploads and development secret. */
export const dataDir = path.resolve(process.cwd(), 'data')

/**
 * Reads `DATABASE_URL` (unset → SQLite under ./data) and says which adapter serves it.
 * Throws one sentence naming the variable when the scheme is not one we know.
 */
export function chooseDatabase(databaseUrl = process.env.DATABASE_URL): DatabaseChoice {
  const url = databaseUrl?.trim()
  if (!url) return { kind: 'sqlite', url: sqliteFileUrl('file:./data/news-portal.db') }
  if (url.startsWith('file:')) return { kind: 'sqlite', url: sqliteFileUrl(url) }
  if (/^mongodb(\+srv)?:\/\//.test(url)) return { kind: 'mongodb', url }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url }
  const scheme = url.includes(':') ? url.slice(0, url.indexOf(':') + 1) : url
  throw new Error(
    `DATABASE_URL has an unknown scheme "${scheme}": use file: (SQLite), mongodb://, mongodb+srv:// or postgres://.`,
  )
}

/** Resolves a `file:` URL against the working directory and creates its folder on demand. */
function sqliteFileUrl(url: string): string {
  const filePath = url.slice('file:'.length)
  const absolute = path.isAbsolute(filePath) ? filePath : path.resolve(process.cwd(), filePath)
  fs.mkdirSync(path.dirname(absolute), { recursive: true })
  return `file:${absolute}`
}

/** `SQLITE_BUSY_TIMEOUT_MS` (default 5000): how long a statement waits for another process's write lock. */
export function sqliteBusyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.SQLITE_BUSY_TIMEOUT_MS?.trim()
  if (!value) return 5_000
  if (!/^\d+$/.test(value))
    throw new Error(
      `SQLITE_BUSY_TIMEOUT_MS must be a whole number of milliseconds; got "${value}".`,
    )
  return Number(value)
}

const migrationsRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'migrations',
)

/**
 * The Payload database adapter for a chosen database. SQL databases get their schema from the
 * committed migrations (`migrations/<kind>/`), run on start in production; development pushes it.
 */
export function databaseAdapter(choice: DatabaseChoice): DatabaseAdapterObj {
  switch (choice.kind) {
    case 'mongodb':
      return mongooseAdapter({ url: choice.url })
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: choice.url },
        migrationDir: path.join(migrationsRoot, 'postgres'),
        prodMigrations: postgresMigrations,
      })
    case 'sqlite':
      // WAL: readers never block the writer; NORMAL: a commit is not fsynced on its own (the WAL is
      // fsynced at checkpoints), so a power cut may lose the last commits but never corrupts the file.
      // busy_timeout: when another process (a second instance, `npm run seed`) holds the write lock,
      // SQLite waits for it inside the statement. Without it the statement fails with SQLITE_BUSY,
      // and libsql does not reset a failed statement: its connection stays inside an implicit
      // transaction, so later writes on it are answered but never committed (docs/cluster.md).
      return sqliteAdapter({
        client: { url: choice.url },
        busyTimeout: sqliteBusyTimeoutMs(),
        wal: { synchronous: 'NORMAL' },
        migrationDir: path.join(migrationsRoot, 'sqlite'),
        prodMigrations: sqliteMigrations,
      })
  }
}

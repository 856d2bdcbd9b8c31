import type { Payload } from 'payload'

/** One row of a table, by column name, as the database stores it. */
export type Row = Record<string, string | number | boolean | null>

/** Multi-row INSERTs in one transaction through the adapter's own client (SQLite or PostgreSQL). */
export interface BulkWriter {
  kind: 'sqlite' | 'postgres'
  /** The column names of `table` as the database has them. */
  columns: (table: string) => Promise<string[]>
  maxId: (table: string) => Promise<number>
  /** Runs `write` inside one transaction; `insert` inside it adds rows in chunks. */
  transaction: (write: (insert: Insert) => Promise<void>) => Promise<void>
  /** After explicit ids: PostgreSQL's sequences move past them (SQLite needs nothing). */
  afterInsert: (tables: string[]) => Promise<void>
}
export type Insert = (table: string, rows: Row[]) => Promise<void>

// Both databases bound a statement's parameters (SQLite 32,766; PostgreSQL 65,535): stay well under.
const PARAMETERS_PER_STATEMENT = 30_000

type SqlStatement = { text: string; values: unknown[] }

function insertStatements(
  table: string,
  rows: Row[],
  placeholder: (n: number) => string,
): SqlStatement[] {
  if (!rows.length) return []
  const columns = Object.keys(rows[0])
  const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns.length))
  const statements: SqlStatement[] = []
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement)
    const values: unknown[] = []
    const tuples = chunk.map((row) => {
      const marks = columns.map((column) => {
        values.push(row[column])
        return placeholder(values.length)
      })
      return `(${marks.join(', ')})`
    })
    const names = columns.map((column) => `"${column}"`).join(', ')
    statements.push({
      text: `INSERT INTO "${table}" (${names}) VALUES ${tuples.join(', ')}`,
      values,
    })
  }
  return statements
}

type LibsqlValue = string | number | null
interface LibsqlClient {
  execute: (
    statement: string | { sql: string; args: LibsqlValue[] },
  ) => Promise<{ rows: Array<Record<string, unknown>> }>
  transaction: (mode: 'write') => Promise<{
    execute: (statement: { sql: string; args: LibsqlValue[] }) => Promise<unknown>
    commit: () => Promise<void>
    rollback: () => Promise<void>
    close: () => void
  }>
}
interface PgQueryable {
  query: (text: string, values?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>
}
interface PgPool extends PgQueryable {
  connect: () => Promise<PgQueryable & { release: () => void }>
}

/** SQLite stores booleans as 0/1. */
const sqliteValue = (value: Row[string]): LibsqlValue =>
  typeof value === 'boolean' ? (value ? 1 : 0) : value

function sqliteWriter(client: LibsqlClient): BulkWriter {
  return {
    kind: 'sqlite',
    columns: async (table) =>
      (await client.execute(`PRAGMA table_info("${table}")`)).rows.map((row) => String(row.name)),
    maxId: async (table) =>
      Number((await client.execute(`SELECT max(id) AS id FROM "${table}"`)).rows[0]?.id ?? 0),
    transaction: async (write) => {
      const tx = await client.transaction('write')
      try {
        await write(async (table, rows) => {
          for (const statement of insertStatements(table, rows, () => '?'))
            await tx.execute({
              sql: statement.text,
              args: statement.values.map((value) => sqliteValue(value as Row[string])),
            })
        })
        await tx.commit()
      } catch (error) {
        await tx.rollback()
        throw error
      } finally {
        tx.close()
      }
    },
    afterInsert: async () => {},
  }
}

function postgresWriter(pool: PgPool): BulkWriter {
  return {
    kind: 'postgres',
    columns: async (table) =>
      (
        await pool.query(
          'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
          [table],
        )
      ).rows.map((row) => String(row.column_name)),
    maxId: async (table) =>
      Number((await pool.query(`SELECT max(id) AS id FROM "${table}"`)).rows[0]?.id ?? 0),
    transaction: async (write) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        await write(async (table, rows) => {
          for (const statement of insertStatements(table, rows, (n) => `$${n}`))
            await client.query(statement.text, statement.values)
        })
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      } finally {
        client.release()
      }
    },
    afterInsert: async (tables) => {
      for (const table of tables)
        await pool.query(
          `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`,
        )
    },
  }
}

/** The bulk writer for the adapter Payload runs on; MongoDB is refused in one sentence. */
export function bulkWriter(payload: Payload): BulkWriter {
  const db = payload.db as unknown as { name: string; client?: LibsqlClient; pool?: PgPool }
  if (db.name === 'sqlite' && db.client) return sqliteWriter(db.client)
  if (db.name === 'postgres' && db.pool) return postgresWriter(db.pool)
  throw new Error(
    `seed:archive writes SQL databases only (SQLite, PostgreSQL); this database is "${db.name}". Use a file: or postgres:// DATABASE_URL.`,
  )
}

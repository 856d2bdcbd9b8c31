import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zonedKeys } from '../features/counters/time.js'
import { formatCount, formatRate } from '../features/counters/format.js'
import { onTimeRate, overdueRate, parseDossierSource } from '../features/counters/dossier.js'
import { COUNTS, increment, readCounts } from '../features/counters/store.js'
import site from '../seed/fixtures/seed-site.json'
import { startTestApp, type TestApp } from './helpers/app.js'

describe('zonedKeys', () => {
  it('reads day and month in the site time zone, with last month right in January', () => {
    expect(zonedKeys(new Date('2031-12-31T16:59:59Z'), 'Asia/Ho_Chi_Minh')).toEqual({
      day: '2031-12-31',
      month: '2031-12',
      previousMonth: '2031-11',
    })
    expect(zonedKeys(new Date('2031-12-31T17:00:00Z'), 'Asia/Ho_Chi_Minh')).toEqual({
      day: '2032-01-01',
      month: '2032-01',
      previousMonth: '2031-12',
    })
    expect(zonedKeys(new Date('2031-12-31T17:00:00Z'), 'UTC').day).toBe('2031-12-31')
  })
})

describe('dossier figures', () => {
  it('the seed figures give 99.85 % on time and 0.15 % overdue; both 0 gives null', () => {
    expect(onTimeRate(site.dossierStats)).toBe(99.85)
    expect(overdueRate(site.dossierStats)).toBe(0.15)
    expect(onTimeRate({ onTime: 0, overdue: 0 })).toBeNull()
    expect(overdueRate({ onTime: 0, overdue: 0 })).toBeNull()
    expect(onTimeRate({ onTime: 2, overdue: 1 })).toBe(66.67)
  })

  it('maps the one-stop-shop names: ontime + betimes are on time, overtime is overdue', () => {
    expect(
      parseDossierSource({
        data: {
          receivedCount: '591',
          releaseCount: 662,
          ontimeCount: 600,
          betimesCount: 62,
          overtimeCount: 1,
        },
      }),
    ).toEqual({ received: 591, resolved: 662, onTime: 662, overdue: 1 })
  })

  it('refuses a bad body naming the field', () => {
    expect(() => parseDossierSource({ received: 1, resolved: 1, onTime: -1, overdue: 0 })).toThrow(
      'onTime must be a non-negative integer.',
    )
    expect(() => parseDossierSource({ received: 1.5, resolved: 1, onTime: 1, overdue: 0 })).toThrow(
      'received must be',
    )
    expect(() => parseDossierSource({ received: 1, resolved: 1, onTime: 1 })).toThrow(
      'overdue is missing',
    )
    expect(() => parseDossierSource([1, 2])).toThrow('body must be a JSON object.')
    expect(() =>
      parseDossierSource({ received: 1, resolved: 1, onTime: 1, overdue: 0, period: '2024-13' }),
    ).toThrow('period')
  })

  it('formats Vietnamese style', () => {
    expect(formatCount(16917328)).toBe('16.917.328')
    expect(formatRate(99.85)).toBe('99,85%')
    expect(formatRate(null)).toBe('—')
  })
})

describe('atomic increments', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({})
  })
  afterAll(async () => app?.close())

  it('a new bucket hit by 200 increments at once ends at exactly 200', async () => {
    await Promise.all(Array.from({ length: 200 }, () => increment(app.payload, 'day:2040-01-01')))
    expect((await readCounts(app.payload, ['day:2040-01-01'])).get('day:2040-01-01')).toBe(200)
    const rows = await app.payload.db.find({
      collection: COUNTS,
      where: { key: { equals: 'day:2040-01-01' } },
      limit: 0,
      pagination: false,
    })
    expect(rows.docs).toHaveLength(1)
  })

  it('increments wait for a write lock held by another connection (SQLite: the file, Postgres: the table), and lose none', async () => {
    const db = app.payload.db as unknown as {
      name: string
      clientConfig?: { url: string }
      pool?: {
        connect: () => Promise<{ query: (sql: string) => Promise<unknown>; release: () => void }>
      }
    }
    let release = async () => {}
    let locked = false
    if (db.name === 'sqlite' && db.clientConfig) {
      // A second process (another instance, `npm run seed`) holds the file's write lock for 150 ms,
      // having written a row of its own.
      const { spawn } = await import('node:child_process')
      const script = `
        const { createClient } = require('@libsql/client')
        const client = createClient({ url: process.argv[1] })
        ;(async () => {
          const tx = await client.transaction('write')
          await tx.execute("INSERT INTO visit_counts (key, hits) VALUES ('other-process', 7)")
          process.stdout.write('locked\\n')
          await new Promise((resolve) => setTimeout(resolve, 150))
          await tx.commit()
          client.close()
        })()`
      const child = spawn(process.execPath, ['-e', script, db.clientConfig.url], {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve())
        child.once('exit', (code) =>
          reject(new Error(`the lock-holding process exited (${code}) before locking`)),
        )
      })
      release = () =>
        new Promise<void>((resolve) =>
          child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
        )
      locked = true
    }
    if (db.name === 'postgres' && db.pool) {
      // Another connection holds a lock that every UPDATE of visit_counts waits for, for 150 ms.
      const other = await db.pool.connect()
      await other.query('BEGIN')
      await other.query('LOCK TABLE visit_counts IN EXCLUSIVE MODE')
      release = async () => {
        await new Promise((resolve) => setTimeout(resolve, 150))
        await other.query('COMMIT')
        other.release()
      }
      locked = true
    }
    // MongoDB has no such lock: there the test is 100 concurrent increments of one key.
    expect(locked).toBe(db.name === 'sqlite' || db.name === 'postgres')
    await Promise.all([
      release(),
      ...Array.from({ length: 100 }, () => increment(app.payload, 'total')),
    ])
    expect((await readCounts(app.payload, ['total'])).get('total')).toBe(100)
    if (db.name === 'sqlite' && db.clientConfig) {
      // Committed, not only visible to this connection: a fresh connection reads both writers' rows.
      const { createClient } = await import('@libsql/client')
      const fresh = createClient({ url: db.clientConfig.url })
      const { rows } = await fresh.execute(
        `SELECT key, hits FROM visit_counts WHERE key IN ('total', 'other-process') ORDER BY key`,
      )
      fresh.close()
      expect(rows.map((row) => [row.key, Number(row.hits)])).toEqual([
        ['other-process', 7],
        ['total', 100],
      ])
    }
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'

// The SQLite schema the config produces must be the one the committed migrations build,
// or production (which runs the migrations) would start on a different schema than the tests.
let app: TestApp
beforeAll(async () => {
  // Always SQLite, whichever database the rest of the suite runs on (the Postgres migrations come from the same script).
  app = await startTestApp({}, { sqliteOnly: true })
})
afterAll(() => app?.close())

describe('committed migrations', () => {
  it('match the schema of the current config (SQLite)', async () => {
    const db = app.payload.db as unknown as {
      name: string
      schema: unknown
      requireDrizzleKit: () => {
        generateDrizzleJson: (schema: unknown) => Promise<object>
        generateMigration: (before: object, after: object) => Promise<string[]>
      }
    }
    expect(db.name).toBe('sqlite')
    const dir = path.resolve(__dirname, '../migrations/sqlite')
    const latest = fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .at(-1)!
    const committed = JSON.parse(fs.readFileSync(path.join(dir, latest), 'utf8'))
    const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
    const current = await generateDrizzleJson(db.schema)
    const statements = await generateMigration(committed, current)
    expect(
      statements,
      'the schema changed: run `npm run migrate:create -- <name>` and commit the migrations',
    ).toEqual([])
  })
})

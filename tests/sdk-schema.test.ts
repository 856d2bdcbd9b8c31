import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { printAppSchema, schemaFile } from '../config/graphqlSchema.js'

/** The schema without the operators of id filters, which differ in kind between adapters (numeric vs text). */
function withoutIdOperators(schema: string): string[] {
  return schema.replace(/^input \w+_id_operator \{\n(?:.*\n)*?\}\n/gm, '').split('\n')
}

describe('sdk/schema.graphql', () => {
  it('is exactly what the app config produces (run `npm run generate:schema` when this fails)', async () => {
    const produced = await printAppSchema()
    const committed = fs.existsSync(schemaFile) ? fs.readFileSync(schemaFile, 'utf8') : ''
    if (committed !== produced) {
      expect.fail(
        'sdk/schema.graphql is out of date with the app config: run `npm run generate:schema` and commit the result.',
      )
    }
    expect(committed).toBe(produced)
  })

  it('does not depend on DATABASE_URL', async () => {
    const saved = process.env.DATABASE_URL
    process.env.DATABASE_URL = 'mongodb://127.0.0.1:1/elsewhere'
    try {
      expect(await printAppSchema()).toBe(fs.readFileSync(schemaFile, 'utf8'))
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL
      else process.env.DATABASE_URL = saved
    }
  })

  it('differs on MongoDB only in the type of ids (Int on SQL, String on MongoDB)', async () => {
    const sql = await printAppSchema('sql')
    const mongo = await printAppSchema('mongodb')
    expect(sql).toContain('type Article {\n  id: Int!')
    expect(mongo).toContain('type Article {\n  id: String!')
    const sqlLines = withoutIdOperators(sql)
    const mongoLines = withoutIdOperators(mongo)
    expect(mongoLines.length).toBe(sqlLines.length)
    // Every other line is the same once an id's Int (SQL) reads String (MongoDB).
    const differing = sqlLines.flatMap((line, i) =>
      line === mongoLines[i] ? [] : [[line, mongoLines[i]]],
    )
    expect(differing.length).toBeGreaterThan(0)
    for (const [sqlLine, mongoLine] of differing)
      expect(sqlLine.replace(/\bInt\b/g, 'String')).toBe(mongoLine)
  })
})

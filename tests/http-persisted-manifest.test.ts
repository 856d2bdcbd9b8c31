import crypto from 'node:crypto'
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { persistedManifests } from '../sdk/scripts/persisted.js'
import * as Documents from '../sdk/src/generated/graphql.js'
import { persistedQueryHashes } from '../sdk/src/generated/persisted.js'
import { persistedDocuments } from '../features/graphql/persistedDocuments.js'

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex')

describe('the persisted-query manifests', () => {
  it('are what the SDK operations produce (run `npm run generate -w news-portal-sdk` when this fails)', async () => {
    for (const { file, content } of await persistedManifests())
      expect(fs.readFileSync(file, 'utf8'), file).toBe(content)
  })

  it("hold every query the SDK sends, by the SHA-256 of its text, in the SDK's and the plugin's copy alike", () => {
    const queries = Object.entries(Documents)
      .filter(([name, text]) => name.endsWith('Document') && String(text).startsWith('query'))
      .map(([, text]) => String(text))
    expect(queries.length).toBe(17)
    expect([...persistedQueryHashes]).toEqual(queries.map((text) => [text, sha256(text)]))
    expect(persistedDocuments).toEqual(queries.map((text) => [sha256(text), text]))
  })
})

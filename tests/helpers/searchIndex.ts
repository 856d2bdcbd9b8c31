import type { Payload } from 'payload'
import { runSql } from '../../features/search/sql.js'
import { SEARCH_TABLE } from '../../features/search/store.js'

type Id = string | number
type MongoAdapter = {
  connection: { db: { collection: (name: string) => MongoCollection } }
  collections: Record<string, { castObject: (doc: object) => { _id: unknown } }>
}
type MongoCollection = {
  findOne: (filter: object) => Promise<unknown>
  deleteMany: (filter: object) => Promise<unknown>
}

const mongo = (payload: Payload) => payload.db as unknown as MongoAdapter
const onMongo = (payload: Payload) => payload.db.name === 'mongoose'

/** Whether the search index holds an article: its SQL row or its MongoDB document. */
export async function searchIndexHolds(payload: Payload, id: Id): Promise<boolean> {
  if (onMongo(payload)) {
    const _id = mongo(payload).collections.articles.castObject({ _id: id })._id
    return (await mongo(payload).connection.db.collection(SEARCH_TABLE).findOne({ _id })) !== null
  }
  const key = payload.db.name === 'sqlite' ? 'rowid' : '"article_id"'
  const rows = await runSql(payload, `SELECT 1 FROM "${SEARCH_TABLE}" WHERE ${key} = ${id}`)
  return rows.length > 0
}

/** Empties the search index, as a database from before search has it. */
export async function emptySearchIndex(payload: Payload): Promise<void> {
  if (onMongo(payload)) await mongo(payload).connection.db.collection(SEARCH_TABLE).deleteMany({})
  else await runSql(payload, `DELETE FROM "${SEARCH_TABLE}"`)
}

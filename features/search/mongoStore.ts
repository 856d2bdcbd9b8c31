import type { Payload } from 'payload'
import { ARTICLES_SLUG, CATEGORIES_SLUG, SITES_SLUG } from '../../core/constants.js'
import type { Id } from '../../core/ids.js'
import type { Req, SearchIndex } from './indexContract.js'
import { mongoSearchAnswer, mongoSearchDocument, mongoSearchPipeline } from './mongoQuery.js'
import { SEARCH_TABLE } from './store.js'

type Filter = Record<string, unknown>
type Options = { session?: unknown }

/** The part of the MongoDB driver's collection the index uses. */
export interface MongoSearchCollection {
  createIndex: (keys: Filter, options?: Filter) => Promise<unknown>
  findOne: (filter: Filter, options?: Filter) => Promise<unknown>
  replaceOne: (filter: Filter, doc: object, options: Options & { upsert: true }) => Promise<unknown>
  deleteOne: (filter: Filter, options: Options) => Promise<unknown>
  aggregate: (
    pipeline: Filter[],
    options: Options,
  ) => { toArray: () => Promise<Array<Record<string, unknown>>> }
}

/** The part of Payload's mongoose adapter the index uses. */
export interface MongoSearchAdapter {
  name: string
  connection: { db?: { collection: (name: string) => MongoSearchCollection } }
  /** Payload's mongoose models by collection slug: their `_id` type casts our ids. */
  collections: Record<
    string,
    { collection: { name: string }; castObject: (doc: Filter) => Filter } | undefined
  >
  sessions?: Record<string, { inTransaction?: () => boolean } | undefined>
}

/**
 * MongoDB's search index: one document per article in `portal_search`, a raw collection of ours
 * (as the SQL tables are) written in the request's transaction session when it has one.
 */
export function mongoSearchIndex(payload: Payload): SearchIndex {
  const adapter = payload.db as unknown as MongoSearchAdapter
  const search = () => {
    const db = adapter.connection.db
    if (!db) throw new Error('search: the MongoDB connection is not open.')
    return db.collection(SEARCH_TABLE)
  }
  // Payload hands out hex strings; the collections hold ObjectIds (or a custom id's type).
  const cast = (slug: string, id: Id | null): unknown => {
    if (id === null) return null
    const model = adapter.collections[slug]
    return model ? model.castObject({ _id: id })._id : id
  }
  const session = async (req: Req): Promise<Options> => {
    const transactionId = req?.transactionID ? await req.transactionID : undefined
    const open = transactionId ? adapter.sessions?.[String(transactionId)] : undefined
    return open && open.inTransaction?.() !== false ? { session: open } : {}
  }
  return {
    ensure: async () => {
      await search().createIndex({ words: 1 }, { name: 'words_1' })
    },
    isEmpty: async () => (await search().findOne({}, { projection: { _id: 1 } })) === null,
    write: async (req, entry) => {
      const id = cast(ARTICLES_SLUG, entry.id)
      const doc = mongoSearchDocument(id, cast(SITES_SLUG, entry.siteId), entry.title, entry.body)
      await search().replaceOne({ _id: id }, doc, { upsert: true, ...(await session(req)) })
    },
    remove: async (req, id) => {
      await search().deleteOne({ _id: cast(ARTICLES_SLUG, id) }, await session(req))
    },
    findIds: async (req, query) => {
      const articles = adapter.collections[ARTICLES_SLUG]?.collection.name ?? ARTICLES_SLUG
      const pipeline = mongoSearchPipeline(
        query,
        {
          siteId: cast(SITES_SLUG, query.siteId),
          categoryId: cast(CATEGORIES_SLUG, query.categoryId),
        },
        articles,
      )
      return mongoSearchAnswer(
        await search()
          .aggregate(pipeline, await session(req))
          .toArray(),
      )
    },
  }
}

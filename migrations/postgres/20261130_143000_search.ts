import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
import { SEARCH_TABLE, searchTableStatements } from '../../features/search/store.js'

// Written by hand: the search index is raw SQL (a tsvector column and its GIN index), outside
// Payload's schema. The first start after it fills the index from every article.
export async function up({ db, payload }: MigrateUpArgs): Promise<void> {
  for (const statement of searchTableStatements('postgres', payload.db.defaultIDType))
    await db.execute(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(`DROP TABLE IF EXISTS "${SEARCH_TABLE}"`))
}

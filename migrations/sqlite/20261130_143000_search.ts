import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import { SEARCH_TABLE, searchTableStatements } from '../../features/search/store.js'

// Written by hand: the search index is raw SQL (an FTS5 table), outside Payload's schema. The
// first start after it fills the index from every article (features/search/index.ts).
export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of searchTableStatements('sqlite', 'number'))
    await db.run(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql.raw(`DROP TABLE IF EXISTS "${SEARCH_TABLE}"`))
}

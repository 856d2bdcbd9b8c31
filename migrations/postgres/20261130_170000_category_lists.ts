import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
import {
  categoryListsTableStatements,
  dropCategoryListsTableStatements,
  rebuildCategoryListsStatements,
} from '../../features/content/categoryLists/table.js'

// Written by hand: the plugin's table of (category, article) rows (features/content/categoryLists),
// filled from the articles already there; the plugin's hooks keep it from then on.
export async function up({ db, payload }: MigrateUpArgs): Promise<void> {
  for (const statement of [
    ...categoryListsTableStatements('postgres', payload.db.defaultIDType),
    ...rebuildCategoryListsStatements(),
  ])
    await db.execute(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of dropCategoryListsTableStatements()) await db.execute(sql.raw(statement))
}

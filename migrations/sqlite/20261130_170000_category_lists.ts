import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import {
  categoryListsTableStatements,
  dropCategoryListsTableStatements,
  rebuildCategoryListsStatements,
} from '../../features/content/categoryLists/table.js'

// Written by hand: the plugin's table of (category, article) rows (features/content/categoryLists),
// filled from the articles already there; the plugin's hooks keep it from then on.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of [
    ...categoryListsTableStatements('sqlite', 'number'),
    ...rebuildCategoryListsStatements(),
  ])
    await db.run(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of dropCategoryListsTableStatements()) await db.run(sql.raw(statement))
}

import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
import {
  dropRawReadIndexStatements,
  rawReadIndexStatements,
} from '../../features/content/readIndexes.js'

// Written by hand: the read indexes Payload cannot declare (features/content/readIndexes.ts); the
// ones it can are in the generated migration before this one.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of rawReadIndexStatements()) await db.execute(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of dropRawReadIndexStatements()) await db.execute(sql.raw(statement))
}

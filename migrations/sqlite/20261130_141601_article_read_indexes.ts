import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import {
  dropRawReadIndexStatements,
  rawReadIndexStatements,
} from '../../features/content/readIndexes.js'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(
    sql`CREATE INDEX \`site__status_publishedAt_createdAt_expiresAt_idx\` ON \`articles\` (\`site_id\`,\`_status\`,\`published_at\`,\`created_at\`,\`expires_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`site_primaryCategory__status_publishedAt_createdAt_expir_idx\` ON \`articles\` (\`site_id\`,\`primary_category_id\`,\`_status\`,\`published_at\`,\`created_at\`,\`expires_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`compound_index_idx\` ON \`_articles_v\` (\`version_site_id\`,\`version__status\`,\`version_published_at\`,\`version_created_at\`,\`version_expires_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`compound_index_1_idx\` ON \`_articles_v\` (\`version_site_id\`,\`version_primary_category_id\`,\`version__status\`,\`version_published_at\`,\`version_created_at\`,\`version_expires_at\`);`,
  )
  // The indexes Payload cannot declare (features/content/readIndexes.ts).
  for (const statement of rawReadIndexStatements()) await db.run(sql.raw(statement))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  for (const statement of dropRawReadIndexStatements()) await db.run(sql.raw(statement))
  await db.run(sql`DROP INDEX \`site__status_publishedAt_createdAt_expiresAt_idx\`;`)
  await db.run(sql`DROP INDEX \`site_primaryCategory__status_publishedAt_createdAt_expir_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_1_idx\`;`)
}

import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import {
  inOneSqliteTransaction,
  moveContentOffSites,
  moveContentToDefaultSite,
} from '../../features/sites/upgradeSql.js'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // One transaction: a failed upgrade leaves the database as it was. No table is rebuilt (columns
  // are added), so no row moves; the unique slug indexes are dropped before any row gets a site.
  await inOneSqliteTransaction({ db, req, sql }, async () => {
    await db.run(sql`CREATE TABLE \`users_rels\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`order\` integer,
    	\`parent_id\` integer NOT NULL,
    	\`path\` text NOT NULL,
    	\`sites_id\` integer,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
    	FOREIGN KEY (\`sites_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(sql`CREATE INDEX \`users_rels_order_idx\` ON \`users_rels\` (\`order\`);`)
    await db.run(sql`CREATE INDEX \`users_rels_parent_idx\` ON \`users_rels\` (\`parent_id\`);`)
    await db.run(sql`CREATE INDEX \`users_rels_path_idx\` ON \`users_rels\` (\`path\`);`)
    await db.run(sql`CREATE INDEX \`users_rels_sites_id_idx\` ON \`users_rels\` (\`sites_id\`);`)
    await db.run(sql`CREATE TABLE \`sites_domains\` (
    	\`_order\` integer NOT NULL,
    	\`_parent_id\` integer NOT NULL,
    	\`id\` text PRIMARY KEY NOT NULL,
    	\`domain\` text NOT NULL,
    	FOREIGN KEY (\`_parent_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(sql`CREATE INDEX \`sites_domains_order_idx\` ON \`sites_domains\` (\`_order\`);`)
    await db.run(
      sql`CREATE INDEX \`sites_domains_parent_id_idx\` ON \`sites_domains\` (\`_parent_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`sites\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`slug\` text,
    	\`site_url\` text,
    	\`time_zone\` text DEFAULT 'Asia/Ho_Chi_Minh',
    	\`is_default\` integer DEFAULT false,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(sql`CREATE UNIQUE INDEX \`sites_slug_idx\` ON \`sites\` (\`slug\`);`)
    await db.run(sql`CREATE INDEX \`sites_updated_at_idx\` ON \`sites\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`sites_created_at_idx\` ON \`sites\` (\`created_at\`);`)
    await db.run(sql`CREATE TABLE \`sites_locales\` (
    	\`name\` text NOT NULL,
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`_locale\` text NOT NULL,
    	\`_parent_id\` integer NOT NULL,
    	FOREIGN KEY (\`_parent_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(
      sql`CREATE UNIQUE INDEX \`sites_locales_locale_parent_id_unique\` ON \`sites_locales\` (\`_locale\`,\`_parent_id\`);`,
    )
    await db.run(sql`DROP INDEX \`categories_slug_idx\`;`)
    await db.run(sql`ALTER TABLE \`categories\` ADD \`site_id\` integer REFERENCES sites(id);`)
    await db.run(sql`CREATE INDEX \`categories_site_idx\` ON \`categories\` (\`site_id\`);`)
    await db.run(
      sql`CREATE UNIQUE INDEX \`site_slug_idx\` ON \`categories\` (\`site_id\`,\`slug\`);`,
    )
    await db.run(sql`CREATE INDEX \`categories_slug_idx\` ON \`categories\` (\`slug\`);`)
    await db.run(sql`DROP INDEX \`authors_slug_idx\`;`)
    await db.run(sql`ALTER TABLE \`authors\` ADD \`site_id\` integer REFERENCES sites(id);`)
    await db.run(sql`CREATE INDEX \`authors_site_idx\` ON \`authors\` (\`site_id\`);`)
    await db.run(
      sql`CREATE UNIQUE INDEX \`site_slug_1_idx\` ON \`authors\` (\`site_id\`,\`slug\`);`,
    )
    await db.run(sql`CREATE INDEX \`authors_slug_idx\` ON \`authors\` (\`slug\`);`)
    await db.run(sql`DROP INDEX \`sources_slug_idx\`;`)
    await db.run(sql`ALTER TABLE \`sources\` ADD \`site_id\` integer REFERENCES sites(id);`)
    await db.run(sql`CREATE INDEX \`sources_site_idx\` ON \`sources\` (\`site_id\`);`)
    await db.run(
      sql`CREATE UNIQUE INDEX \`site_slug_2_idx\` ON \`sources\` (\`site_id\`,\`slug\`);`,
    )
    await db.run(sql`CREATE INDEX \`sources_slug_idx\` ON \`sources\` (\`slug\`);`)
    await db.run(sql`DROP INDEX \`articles_slug_idx\`;`)
    await db.run(sql`ALTER TABLE \`articles\` ADD \`site_id\` integer REFERENCES sites(id);`)
    await db.run(sql`CREATE INDEX \`articles_site_idx\` ON \`articles\` (\`site_id\`);`)
    await db.run(
      sql`CREATE UNIQUE INDEX \`site_slug_3_idx\` ON \`articles\` (\`site_id\`,\`slug\`);`,
    )
    await db.run(sql`CREATE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
    await db.run(sql`DROP INDEX \`counter_widgets_slug_idx\`;`)
    await db.run(sql`ALTER TABLE \`counter_widgets\` ADD \`site_id\` integer REFERENCES sites(id);`)
    await db.run(
      sql`CREATE INDEX \`counter_widgets_site_idx\` ON \`counter_widgets\` (\`site_id\`);`,
    )
    await db.run(
      sql`CREATE UNIQUE INDEX \`site_slug_4_idx\` ON \`counter_widgets\` (\`site_id\`,\`slug\`);`,
    )
    await db.run(sql`CREATE INDEX \`counter_widgets_slug_idx\` ON \`counter_widgets\` (\`slug\`);`)
    await db.run(
      sql`ALTER TABLE \`_articles_v\` ADD \`version_site_id\` integer REFERENCES sites(id);`,
    )
    await db.run(
      sql`CREATE INDEX \`_articles_v_version_version_site_idx\` ON \`_articles_v\` (\`version_site_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`version_site_version_slug_idx\` ON \`_articles_v\` (\`version_site_id\`,\`version_slug\`);`,
    )
    await db.run(
      sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sites_id\` integer REFERENCES sites(id);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_locked_documents_rels_sites_id_idx\` ON \`payload_locked_documents_rels\` (\`sites_id\`);`,
    )
    // Data: everything that existed belongs to the default site (features/sites/upgradeSql.ts).
    await moveContentToDefaultSite({ db, payload, sql })
  })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // No table rebuild either: libsql keeps foreign keys on (PRAGMA foreign_keys=OFF is ignored inside
  // a transaction), so a rebuild's DROP TABLE would cascade-delete every child row of the table.
  await inOneSqliteTransaction({ db, req, sql }, async () => {
    await moveContentOffSites({ db, payload, sql })
    for (const index of [
      'site_slug_idx',
      'site_slug_1_idx',
      'site_slug_2_idx',
      'site_slug_3_idx',
      'site_slug_4_idx',
      'categories_site_idx',
      'authors_site_idx',
      'sources_site_idx',
      'articles_site_idx',
      'counter_widgets_site_idx',
      '_articles_v_version_version_site_idx',
      'version_site_version_slug_idx',
      'payload_locked_documents_rels_sites_id_idx',
    ])
      await db.run(sql.raw(`DROP INDEX \`${index}\`;`))
    for (const table of ['categories', 'authors', 'sources', 'articles', 'counter_widgets']) {
      // Fails (and rolls back) if two sites' documents share a slug: they could not live together.
      await db.run(sql.raw(`DROP INDEX \`${table}_slug_idx\`;`))
      await db.run(sql.raw(`CREATE UNIQUE INDEX \`${table}_slug_idx\` ON \`${table}\` (\`slug\`);`))
      await db.run(sql.raw(`ALTER TABLE \`${table}\` DROP COLUMN \`site_id\`;`))
    }
    await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_site_id\`;`)
    await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` DROP COLUMN \`sites_id\`;`)
    await db.run(sql`DROP TABLE \`users_rels\`;`)
    await db.run(sql`DROP TABLE \`sites_domains\`;`)
    await db.run(sql`DROP TABLE \`sites_locales\`;`)
    await db.run(sql`DROP TABLE \`sites\`;`)
  })
}

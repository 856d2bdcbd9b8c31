import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
import { moveContentOffSites, moveContentToDefaultSite } from '../../features/sites/upgradeSql.js'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "users_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"sites_id" integer
  );
  
  CREATE TABLE "sites_domains" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"domain" varchar NOT NULL
  );
  
  CREATE TABLE "sites" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"site_url" varchar,
  	"time_zone" varchar DEFAULT 'Asia/Ho_Chi_Minh',
  	"is_default" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sites_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  DROP INDEX "categories_slug_idx";
  DROP INDEX "authors_slug_idx";
  DROP INDEX "sources_slug_idx";
  DROP INDEX "articles_slug_idx";
  DROP INDEX "counter_widgets_slug_idx";
  ALTER TABLE "visit_sessions" ALTER COLUMN "scope" SET DATA TYPE varchar;
  ALTER TABLE "categories" ADD COLUMN "site_id" integer;
  ALTER TABLE "authors" ADD COLUMN "site_id" integer;
  ALTER TABLE "sources" ADD COLUMN "site_id" integer;
  ALTER TABLE "articles" ADD COLUMN "site_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_site_id" integer;
  ALTER TABLE "counter_widgets" ADD COLUMN "site_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sites_id" integer;
  ALTER TABLE "users_rels" ADD CONSTRAINT "users_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_rels" ADD CONSTRAINT "users_rels_sites_fk" FOREIGN KEY ("sites_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sites_domains" ADD CONSTRAINT "sites_domains_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sites_locales" ADD CONSTRAINT "sites_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_rels_order_idx" ON "users_rels" USING btree ("order");
  CREATE INDEX "users_rels_parent_idx" ON "users_rels" USING btree ("parent_id");
  CREATE INDEX "users_rels_path_idx" ON "users_rels" USING btree ("path");
  CREATE INDEX "users_rels_sites_id_idx" ON "users_rels" USING btree ("sites_id");
  CREATE INDEX "sites_domains_order_idx" ON "sites_domains" USING btree ("_order");
  CREATE INDEX "sites_domains_parent_id_idx" ON "sites_domains" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "sites_slug_idx" ON "sites" USING btree ("slug");
  CREATE INDEX "sites_updated_at_idx" ON "sites" USING btree ("updated_at");
  CREATE INDEX "sites_created_at_idx" ON "sites" USING btree ("created_at");
  CREATE UNIQUE INDEX "sites_locales_locale_parent_id_unique" ON "sites_locales" USING btree ("_locale","_parent_id");
  ALTER TABLE "categories" ADD CONSTRAINT "categories_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "authors" ADD CONSTRAINT "authors_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sources" ADD CONSTRAINT "sources_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_site_id_sites_id_fk" FOREIGN KEY ("version_site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "counter_widgets" ADD CONSTRAINT "counter_widgets_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sites_fk" FOREIGN KEY ("sites_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "categories_site_idx" ON "categories" USING btree ("site_id");
  CREATE UNIQUE INDEX "site_slug_idx" ON "categories" USING btree ("site_id","slug");
  CREATE INDEX "authors_site_idx" ON "authors" USING btree ("site_id");
  CREATE UNIQUE INDEX "site_slug_1_idx" ON "authors" USING btree ("site_id","slug");
  CREATE INDEX "sources_site_idx" ON "sources" USING btree ("site_id");
  CREATE UNIQUE INDEX "site_slug_2_idx" ON "sources" USING btree ("site_id","slug");
  CREATE INDEX "articles_site_idx" ON "articles" USING btree ("site_id");
  CREATE UNIQUE INDEX "site_slug_3_idx" ON "articles" USING btree ("site_id","slug");
  CREATE INDEX "_articles_v_version_version_site_idx" ON "_articles_v" USING btree ("version_site_id");
  CREATE INDEX "version_site_version_slug_idx" ON "_articles_v" USING btree ("version_site_id","version_slug");
  CREATE INDEX "counter_widgets_site_idx" ON "counter_widgets" USING btree ("site_id");
  CREATE UNIQUE INDEX "site_slug_4_idx" ON "counter_widgets" USING btree ("site_id","slug");
  CREATE INDEX "payload_locked_documents_rels_sites_id_idx" ON "payload_locked_documents_rels" USING btree ("sites_id");
  CREATE INDEX "categories_slug_idx" ON "categories" USING btree ("slug");
  CREATE INDEX "authors_slug_idx" ON "authors" USING btree ("slug");
  CREATE INDEX "sources_slug_idx" ON "sources" USING btree ("slug");
  CREATE INDEX "articles_slug_idx" ON "articles" USING btree ("slug");
  CREATE INDEX "counter_widgets_slug_idx" ON "counter_widgets" USING btree ("slug");
  DROP TYPE "public"."enum_visit_sessions_scope";`)
  // Data: everything that existed belongs to the default site (features/sites/upgradeSql.ts).
  // Payload runs a Postgres migration in one transaction: a failure leaves the database as it was.
  await moveContentToDefaultSite({ db, payload, sql })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // First the data (refused while several sites exist), then the schema. DROP TABLE … CASCADE
  // already drops the foreign keys to sites, hence IF EXISTS on them.
  await moveContentOffSites({ db, payload, sql })
  await db.execute(sql`
   CREATE TYPE "public"."enum_visit_sessions_scope" AS ENUM('visit', 'view');
  ALTER TABLE "users_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sites_domains" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sites" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sites_locales" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "users_rels" CASCADE;
  DROP TABLE "sites_domains" CASCADE;
  DROP TABLE "sites" CASCADE;
  DROP TABLE "sites_locales" CASCADE;
  ALTER TABLE "categories" DROP CONSTRAINT IF EXISTS "categories_site_id_sites_id_fk";
  
  ALTER TABLE "authors" DROP CONSTRAINT IF EXISTS "authors_site_id_sites_id_fk";
  
  ALTER TABLE "sources" DROP CONSTRAINT IF EXISTS "sources_site_id_sites_id_fk";
  
  ALTER TABLE "articles" DROP CONSTRAINT IF EXISTS "articles_site_id_sites_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT IF EXISTS "_articles_v_version_site_id_sites_id_fk";
  
  ALTER TABLE "counter_widgets" DROP CONSTRAINT IF EXISTS "counter_widgets_site_id_sites_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_sites_fk";
  
  DROP INDEX "categories_site_idx";
  DROP INDEX "site_slug_idx";
  DROP INDEX "authors_site_idx";
  DROP INDEX "site_slug_1_idx";
  DROP INDEX "sources_site_idx";
  DROP INDEX "site_slug_2_idx";
  DROP INDEX "articles_site_idx";
  DROP INDEX "site_slug_3_idx";
  DROP INDEX "_articles_v_version_version_site_idx";
  DROP INDEX "version_site_version_slug_idx";
  DROP INDEX "counter_widgets_site_idx";
  DROP INDEX "site_slug_4_idx";
  DROP INDEX "payload_locked_documents_rels_sites_id_idx";
  DROP INDEX "categories_slug_idx";
  DROP INDEX "authors_slug_idx";
  DROP INDEX "sources_slug_idx";
  DROP INDEX "articles_slug_idx";
  DROP INDEX "counter_widgets_slug_idx";
  ALTER TABLE "visit_sessions" ALTER COLUMN "scope" SET DATA TYPE "public"."enum_visit_sessions_scope" USING "scope"::"public"."enum_visit_sessions_scope";
  CREATE UNIQUE INDEX "categories_slug_idx" ON "categories" USING btree ("slug");
  CREATE UNIQUE INDEX "authors_slug_idx" ON "authors" USING btree ("slug");
  CREATE UNIQUE INDEX "sources_slug_idx" ON "sources" USING btree ("slug");
  CREATE UNIQUE INDEX "articles_slug_idx" ON "articles" USING btree ("slug");
  CREATE UNIQUE INDEX "counter_widgets_slug_idx" ON "counter_widgets" USING btree ("slug");
  ALTER TABLE "categories" DROP COLUMN "site_id";
  ALTER TABLE "authors" DROP COLUMN "site_id";
  ALTER TABLE "sources" DROP COLUMN "site_id";
  ALTER TABLE "articles" DROP COLUMN "site_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_site_id";
  ALTER TABLE "counter_widgets" DROP COLUMN "site_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sites_id";`)
}

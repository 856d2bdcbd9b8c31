import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "cache_generations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"generation" numeric DEFAULT 0 NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "cache_generations_id" integer;
  CREATE UNIQUE INDEX "cache_generations_key_idx" ON "cache_generations" USING btree ("key");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_cache_generations_fk" FOREIGN KEY ("cache_generations_id") REFERENCES "public"."cache_generations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_cache_generations_id_idx" ON "payload_locked_documents_rels" USING btree ("cache_generations_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "cache_generations" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "cache_generations" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_cache_generations_fk";
  
  DROP INDEX "payload_locked_documents_rels_cache_generations_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "cache_generations_id";`)
}

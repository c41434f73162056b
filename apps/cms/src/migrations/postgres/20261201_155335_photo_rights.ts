import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_license_requests_intended_use" AS ENUM('editorial', 'commercial', 'personal', 'other');
  CREATE TYPE "public"."enum_license_requests_status" AS ENUM('new', 'answered', 'declined');
  CREATE TABLE "license_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"photo_id" integer,
  	"article_id" integer,
  	"name" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"organisation" varchar,
  	"intended_use" "enum_license_requests_intended_use" NOT NULL,
  	"message" varchar NOT NULL,
  	"status" "enum_license_requests_status" DEFAULT 'new',
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "media" ADD COLUMN "date_created" timestamp(3) with time zone;
  ALTER TABLE "media" ADD COLUMN "rights_from_file" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_webp_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_webp_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_webp_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_webp_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_webp_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_webp_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_avif_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_avif_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_avif_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_avif_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_avif_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_avif_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_card_webp_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_card_webp_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_card_webp_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_card_webp_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_card_webp_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_card_webp_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_card_avif_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_card_avif_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_card_avif_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_card_avif_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_card_avif_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_card_avif_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_webp_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_webp_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_webp_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_webp_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_webp_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_webp_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_avif_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_avif_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_avif_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_avif_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_avif_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w480_avif_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_webp_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_webp_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_webp_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_webp_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_webp_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_webp_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_avif_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_avif_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_avif_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_avif_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_avif_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w800_avif_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_webp_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_webp_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_webp_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_webp_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_webp_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_webp_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_avif_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_avif_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_avif_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_avif_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_avif_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_avif_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_webp_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_webp_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_webp_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_webp_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_webp_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_webp_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_avif_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_avif_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_avif_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_avif_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_avif_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_w1600_avif_filename" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "license_requests_id" integer;
  ALTER TABLE "license_requests" ADD CONSTRAINT "license_requests_photo_id_media_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "license_requests" ADD CONSTRAINT "license_requests_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "license_requests_photo_idx" ON "license_requests" USING btree ("photo_id");
  CREATE INDEX "license_requests_article_idx" ON "license_requests" USING btree ("article_id");
  CREATE INDEX "license_requests_updated_at_idx" ON "license_requests" USING btree ("updated_at");
  CREATE INDEX "license_requests_created_at_idx" ON "license_requests" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_license_requests_fk" FOREIGN KEY ("license_requests_id") REFERENCES "public"."license_requests"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "media_sizes_thumbnail_webp_sizes_thumbnail_webp_filename_idx" ON "media" USING btree ("sizes_thumbnail_webp_filename");
  CREATE INDEX "media_sizes_thumbnail_avif_sizes_thumbnail_avif_filename_idx" ON "media" USING btree ("sizes_thumbnail_avif_filename");
  CREATE INDEX "media_sizes_card_webp_sizes_card_webp_filename_idx" ON "media" USING btree ("sizes_card_webp_filename");
  CREATE INDEX "media_sizes_card_avif_sizes_card_avif_filename_idx" ON "media" USING btree ("sizes_card_avif_filename");
  CREATE INDEX "media_sizes_w480_sizes_w480_filename_idx" ON "media" USING btree ("sizes_w480_filename");
  CREATE INDEX "media_sizes_w480_webp_sizes_w480_webp_filename_idx" ON "media" USING btree ("sizes_w480_webp_filename");
  CREATE INDEX "media_sizes_w480_avif_sizes_w480_avif_filename_idx" ON "media" USING btree ("sizes_w480_avif_filename");
  CREATE INDEX "media_sizes_w800_sizes_w800_filename_idx" ON "media" USING btree ("sizes_w800_filename");
  CREATE INDEX "media_sizes_w800_webp_sizes_w800_webp_filename_idx" ON "media" USING btree ("sizes_w800_webp_filename");
  CREATE INDEX "media_sizes_w800_avif_sizes_w800_avif_filename_idx" ON "media" USING btree ("sizes_w800_avif_filename");
  CREATE INDEX "media_sizes_hero_webp_sizes_hero_webp_filename_idx" ON "media" USING btree ("sizes_hero_webp_filename");
  CREATE INDEX "media_sizes_hero_avif_sizes_hero_avif_filename_idx" ON "media" USING btree ("sizes_hero_avif_filename");
  CREATE INDEX "media_sizes_w1600_sizes_w1600_filename_idx" ON "media" USING btree ("sizes_w1600_filename");
  CREATE INDEX "media_sizes_w1600_webp_sizes_w1600_webp_filename_idx" ON "media" USING btree ("sizes_w1600_webp_filename");
  CREATE INDEX "media_sizes_w1600_avif_sizes_w1600_avif_filename_idx" ON "media" USING btree ("sizes_w1600_avif_filename");
  CREATE INDEX "payload_locked_documents_rels_license_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("license_requests_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "license_requests" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "license_requests" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_license_requests_fk";
  
  DROP INDEX "media_sizes_thumbnail_webp_sizes_thumbnail_webp_filename_idx";
  DROP INDEX "media_sizes_thumbnail_avif_sizes_thumbnail_avif_filename_idx";
  DROP INDEX "media_sizes_card_webp_sizes_card_webp_filename_idx";
  DROP INDEX "media_sizes_card_avif_sizes_card_avif_filename_idx";
  DROP INDEX "media_sizes_w480_sizes_w480_filename_idx";
  DROP INDEX "media_sizes_w480_webp_sizes_w480_webp_filename_idx";
  DROP INDEX "media_sizes_w480_avif_sizes_w480_avif_filename_idx";
  DROP INDEX "media_sizes_w800_sizes_w800_filename_idx";
  DROP INDEX "media_sizes_w800_webp_sizes_w800_webp_filename_idx";
  DROP INDEX "media_sizes_w800_avif_sizes_w800_avif_filename_idx";
  DROP INDEX "media_sizes_hero_webp_sizes_hero_webp_filename_idx";
  DROP INDEX "media_sizes_hero_avif_sizes_hero_avif_filename_idx";
  DROP INDEX "media_sizes_w1600_sizes_w1600_filename_idx";
  DROP INDEX "media_sizes_w1600_webp_sizes_w1600_webp_filename_idx";
  DROP INDEX "media_sizes_w1600_avif_sizes_w1600_avif_filename_idx";
  DROP INDEX "payload_locked_documents_rels_license_requests_id_idx";
  ALTER TABLE "media" DROP COLUMN "date_created";
  ALTER TABLE "media" DROP COLUMN "rights_from_file";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_webp_url";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_webp_width";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_webp_height";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_webp_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_webp_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_webp_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_avif_url";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_avif_width";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_avif_height";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_avif_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_avif_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_avif_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_card_webp_url";
  ALTER TABLE "media" DROP COLUMN "sizes_card_webp_width";
  ALTER TABLE "media" DROP COLUMN "sizes_card_webp_height";
  ALTER TABLE "media" DROP COLUMN "sizes_card_webp_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_card_webp_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_card_webp_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_card_avif_url";
  ALTER TABLE "media" DROP COLUMN "sizes_card_avif_width";
  ALTER TABLE "media" DROP COLUMN "sizes_card_avif_height";
  ALTER TABLE "media" DROP COLUMN "sizes_card_avif_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_card_avif_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_card_avif_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_url";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_width";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_height";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_webp_url";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_webp_width";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_webp_height";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_webp_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_webp_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_webp_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_avif_url";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_avif_width";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_avif_height";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_avif_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_avif_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_w480_avif_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_url";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_width";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_height";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_webp_url";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_webp_width";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_webp_height";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_webp_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_webp_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_webp_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_avif_url";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_avif_width";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_avif_height";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_avif_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_avif_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_w800_avif_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_webp_url";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_webp_width";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_webp_height";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_webp_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_webp_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_webp_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_avif_url";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_avif_width";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_avif_height";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_avif_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_avif_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_avif_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_url";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_width";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_height";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_webp_url";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_webp_width";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_webp_height";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_webp_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_webp_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_webp_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_avif_url";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_avif_width";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_avif_height";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_avif_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_avif_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_w1600_avif_filename";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "license_requests_id";
  DROP TYPE "public"."enum_license_requests_intended_use";
  DROP TYPE "public"."enum_license_requests_status";`)
}

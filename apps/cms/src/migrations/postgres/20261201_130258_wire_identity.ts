import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "hero_usage_terms" varchar;
  ALTER TABLE "articles" ADD COLUMN "source_uri" varchar;
  ALTER TABLE "articles" ADD COLUMN "source_version" numeric;
  ALTER TABLE "articles" ADD COLUMN "source_byline" varchar;
  ALTER TABLE "articles" ADD COLUMN "source_copyright_notice" varchar;
  ALTER TABLE "articles" ADD COLUMN "source_usage_terms" varchar;
  ALTER TABLE "articles" ADD COLUMN "source_language" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_hero_usage_terms" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_source_uri" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_source_version" numeric;
  ALTER TABLE "_articles_v" ADD COLUMN "version_source_byline" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_source_copyright_notice" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_source_usage_terms" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_source_language" varchar;
  ALTER TABLE "media" ADD COLUMN "usage_terms" varchar;
  CREATE INDEX "articles_source_source_uri_idx" ON "articles" USING btree ("source_uri");
  CREATE INDEX "_articles_v_version_source_version_source_uri_idx" ON "_articles_v" USING btree ("version_source_uri");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_source_source_uri_idx";
  DROP INDEX "_articles_v_version_source_version_source_uri_idx";
  ALTER TABLE "articles" DROP COLUMN "hero_usage_terms";
  ALTER TABLE "articles" DROP COLUMN "source_uri";
  ALTER TABLE "articles" DROP COLUMN "source_version";
  ALTER TABLE "articles" DROP COLUMN "source_byline";
  ALTER TABLE "articles" DROP COLUMN "source_copyright_notice";
  ALTER TABLE "articles" DROP COLUMN "source_usage_terms";
  ALTER TABLE "articles" DROP COLUMN "source_language";
  ALTER TABLE "_articles_v" DROP COLUMN "version_hero_usage_terms";
  ALTER TABLE "_articles_v" DROP COLUMN "version_source_uri";
  ALTER TABLE "_articles_v" DROP COLUMN "version_source_version";
  ALTER TABLE "_articles_v" DROP COLUMN "version_source_byline";
  ALTER TABLE "_articles_v" DROP COLUMN "version_source_copyright_notice";
  ALTER TABLE "_articles_v" DROP COLUMN "version_source_usage_terms";
  ALTER TABLE "_articles_v" DROP COLUMN "version_source_language";
  ALTER TABLE "media" DROP COLUMN "usage_terms";`)
}

import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_corrections_kind" AS ENUM('correction', 'update', 'clarification');
  CREATE TYPE "public"."enum_articles_workflow_status" AS ENUM('pitch', 'assigned', 'in-progress', 'in-review', 'ready');
  CREATE TYPE "public"."enum__articles_v_version_corrections_kind" AS ENUM('correction', 'update', 'clarification');
  CREATE TYPE "public"."enum__articles_v_version_workflow_status" AS ENUM('pitch', 'assigned', 'in-progress', 'in-review', 'ready');
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('status-changed', 'published', 'unpublished', 'corrected', 'embargoed', 'killed', 'restored');
  CREATE TYPE "public"."enum_audit_log_details_correction_kind" AS ENUM('correction', 'update', 'clarification');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'lift-embargo' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'lift-embargo' BEFORE 'schedulePublish';
  CREATE TABLE "articles_corrections" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_articles_corrections_kind" DEFAULT 'correction',
  	"at" timestamp(3) with time zone,
  	"text" varchar
  );
  
  CREATE TABLE "_articles_v_version_corrections" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum__articles_v_version_corrections_kind" DEFAULT 'correction',
  	"at" timestamp(3) with time zone,
  	"text" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"action" "enum_audit_log_action" NOT NULL,
  	"article_id" integer,
  	"article_slug" varchar,
  	"user_id" integer,
  	"user_email" varchar,
  	"summary" varchar,
  	"details_from" varchar,
  	"details_to" varchar,
  	"details_correction_kind" "enum_audit_log_details_correction_kind",
  	"details_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles" ADD COLUMN "workflow_status" "enum_articles_workflow_status" DEFAULT 'in-progress';
  ALTER TABLE "articles" ADD COLUMN "assignee_id" integer;
  ALTER TABLE "articles" ADD COLUMN "deadline" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "embargoed_until" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "killed_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "killed_by_id" integer;
  ALTER TABLE "articles" ADD COLUMN "kill_reason" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_status" "enum__articles_v_version_workflow_status" DEFAULT 'in-progress';
  ALTER TABLE "_articles_v" ADD COLUMN "version_assignee_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_deadline" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_embargoed_until" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_killed_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_killed_by_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_kill_reason" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audit_log_id" integer;
  ALTER TABLE "articles_corrections" ADD CONSTRAINT "articles_corrections_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_corrections" ADD CONSTRAINT "_articles_v_version_corrections_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "articles_corrections_order_idx" ON "articles_corrections" USING btree ("_order");
  CREATE INDEX "articles_corrections_parent_id_idx" ON "articles_corrections" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_version_corrections_order_idx" ON "_articles_v_version_corrections" USING btree ("_order");
  CREATE INDEX "_articles_v_version_corrections_parent_id_idx" ON "_articles_v_version_corrections" USING btree ("_parent_id");
  CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");
  CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");
  CREATE INDEX "audit_log_article_idx" ON "audit_log" USING btree ("article_id");
  CREATE INDEX "audit_log_article_slug_idx" ON "audit_log" USING btree ("article_slug");
  CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id");
  CREATE INDEX "audit_log_updated_at_idx" ON "audit_log" USING btree ("updated_at");
  CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");
  ALTER TABLE "articles" ADD CONSTRAINT "articles_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_killed_by_id_users_id_fk" FOREIGN KEY ("killed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_assignee_id_users_id_fk" FOREIGN KEY ("version_assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_killed_by_id_users_id_fk" FOREIGN KEY ("version_killed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_log_fk" FOREIGN KEY ("audit_log_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_workflow_status_idx" ON "articles" USING btree ("workflow_status");
  CREATE INDEX "articles_assignee_idx" ON "articles" USING btree ("assignee_id");
  CREATE INDEX "articles_deadline_idx" ON "articles" USING btree ("deadline");
  CREATE INDEX "articles_embargoed_until_idx" ON "articles" USING btree ("embargoed_until");
  CREATE INDEX "articles_killed_by_idx" ON "articles" USING btree ("killed_by_id");
  CREATE INDEX "_articles_v_version_version_workflow_status_idx" ON "_articles_v" USING btree ("version_workflow_status");
  CREATE INDEX "_articles_v_version_version_assignee_idx" ON "_articles_v" USING btree ("version_assignee_id");
  CREATE INDEX "_articles_v_version_version_deadline_idx" ON "_articles_v" USING btree ("version_deadline");
  CREATE INDEX "_articles_v_version_version_embargoed_until_idx" ON "_articles_v" USING btree ("version_embargoed_until");
  CREATE INDEX "_articles_v_version_version_killed_by_idx" ON "_articles_v" USING btree ("version_killed_by_id");
  CREATE INDEX "payload_locked_documents_rels_audit_log_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_log_id");`)
  // Stories already out were through the desk: they start as ready, everything else as being written.
  await db.execute(sql`
   UPDATE "articles" SET "workflow_status" = 'ready' WHERE "_status" = 'published';
  UPDATE "_articles_v" SET "version_workflow_status" = 'ready' WHERE "version__status" = 'published';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles_corrections" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v_version_corrections" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "audit_log" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "articles_corrections" CASCADE;
  DROP TABLE "_articles_v_version_corrections" CASCADE;
  DROP TABLE "audit_log" CASCADE;
  ALTER TABLE "articles" DROP CONSTRAINT "articles_assignee_id_users_id_fk";
  
  ALTER TABLE "articles" DROP CONSTRAINT "articles_killed_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_assignee_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_killed_by_id_users_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_audit_log_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'revalidate', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'revalidate', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "articles_workflow_status_idx";
  DROP INDEX "articles_assignee_idx";
  DROP INDEX "articles_deadline_idx";
  DROP INDEX "articles_embargoed_until_idx";
  DROP INDEX "articles_killed_by_idx";
  DROP INDEX "_articles_v_version_version_workflow_status_idx";
  DROP INDEX "_articles_v_version_version_assignee_idx";
  DROP INDEX "_articles_v_version_version_deadline_idx";
  DROP INDEX "_articles_v_version_version_embargoed_until_idx";
  DROP INDEX "_articles_v_version_version_killed_by_idx";
  DROP INDEX "payload_locked_documents_rels_audit_log_id_idx";
  ALTER TABLE "articles" DROP COLUMN "workflow_status";
  ALTER TABLE "articles" DROP COLUMN "assignee_id";
  ALTER TABLE "articles" DROP COLUMN "deadline";
  ALTER TABLE "articles" DROP COLUMN "embargoed_until";
  ALTER TABLE "articles" DROP COLUMN "killed_at";
  ALTER TABLE "articles" DROP COLUMN "killed_by_id";
  ALTER TABLE "articles" DROP COLUMN "kill_reason";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_status";
  ALTER TABLE "_articles_v" DROP COLUMN "version_assignee_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_deadline";
  ALTER TABLE "_articles_v" DROP COLUMN "version_embargoed_until";
  ALTER TABLE "_articles_v" DROP COLUMN "version_killed_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_killed_by_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_kill_reason";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audit_log_id";
  DROP TYPE "public"."enum_articles_corrections_kind";
  DROP TYPE "public"."enum_articles_workflow_status";
  DROP TYPE "public"."enum__articles_v_version_corrections_kind";
  DROP TYPE "public"."enum__articles_v_version_workflow_status";
  DROP TYPE "public"."enum_audit_log_action";
  DROP TYPE "public"."enum_audit_log_details_correction_kind";`)
}

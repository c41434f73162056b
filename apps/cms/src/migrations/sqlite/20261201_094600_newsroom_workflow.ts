import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`articles_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'correction',
  	\`at\` text,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`articles_corrections_order_idx\` ON \`articles_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`articles_corrections_parent_id_idx\` ON \`articles_corrections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_articles_v_version_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'correction',
  	\`at\` text,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_articles_v_version_corrections_order_idx\` ON \`_articles_v_version_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_corrections_parent_id_idx\` ON \`_articles_v_version_corrections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`article_id\` integer,
  	\`article_slug\` text,
  	\`user_id\` integer,
  	\`user_email\` text,
  	\`summary\` text,
  	\`details_from\` text,
  	\`details_to\` text,
  	\`details_correction_kind\` text,
  	\`details_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_at_idx\` ON \`audit_log\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_action_idx\` ON \`audit_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_article_idx\` ON \`audit_log\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_article_slug_idx\` ON \`audit_log\` (\`article_slug\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_user_idx\` ON \`audit_log\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`workflow_status\` text DEFAULT 'in-progress';`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`assignee_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`deadline\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`embargoed_until\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`killed_at\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`killed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`kill_reason\` text;`)
  await db.run(sql`CREATE INDEX \`articles_workflow_status_idx\` ON \`articles\` (\`workflow_status\`);`)
  await db.run(sql`CREATE INDEX \`articles_assignee_idx\` ON \`articles\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_deadline_idx\` ON \`articles\` (\`deadline\`);`)
  await db.run(sql`CREATE INDEX \`articles_embargoed_until_idx\` ON \`articles\` (\`embargoed_until\`);`)
  await db.run(sql`CREATE INDEX \`articles_killed_by_idx\` ON \`articles\` (\`killed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_workflow_status\` text DEFAULT 'in-progress';`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_assignee_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_deadline\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_embargoed_until\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_killed_at\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_killed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_kill_reason\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_workflow_status_idx\` ON \`_articles_v\` (\`version_workflow_status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_assignee_idx\` ON \`_articles_v\` (\`version_assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_deadline_idx\` ON \`_articles_v\` (\`version_deadline\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_embargoed_until_idx\` ON \`_articles_v\` (\`version_embargoed_until\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_killed_by_idx\` ON \`_articles_v\` (\`version_killed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`audit_log_id\` integer REFERENCES audit_log(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  // Stories already out were through the desk: they start as ready, everything else as being written.
  await db.run(sql`UPDATE \`articles\` SET \`workflow_status\` = 'ready' WHERE \`_status\` = 'published';`)
  await db.run(sql`UPDATE \`_articles_v\` SET \`version_workflow_status\` = 'ready' WHERE \`version__status\` = 'published';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`articles_corrections\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_version_corrections\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`headline\` text,
  	\`dek\` text,
  	\`dateline_place\` text,
  	\`dateline_month\` numeric,
  	\`dateline_day\` numeric,
  	\`dateline_year\` numeric,
  	\`dateline_agency\` text,
  	\`hero_image_id\` integer,
  	\`hero_alt\` text,
  	\`hero_caption\` text,
  	\`hero_credit\` text,
  	\`hero_creator\` text,
  	\`hero_copyright\` text,
  	\`hero_license_url\` text,
  	\`hero_license_offered\` integer DEFAULT false,
  	\`body\` text,
  	\`suppress_ads\` integer DEFAULT false,
  	\`seo_title\` text,
  	\`seo_description\` text,
  	\`slug\` text,
  	\`published_at\` text,
  	\`section_id\` integer,
  	\`show_latest_headlines\` integer DEFAULT true,
  	\`source_kind\` text DEFAULT 'newsroom',
  	\`source_agency\` text,
  	\`source_imported_at\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "headline", "dek", "dateline_place", "dateline_month", "dateline_day", "dateline_year", "dateline_agency", "hero_image_id", "hero_alt", "hero_caption", "hero_credit", "hero_creator", "hero_copyright", "hero_license_url", "hero_license_offered", "body", "suppress_ads", "seo_title", "seo_description", "slug", "published_at", "section_id", "show_latest_headlines", "source_kind", "source_agency", "source_imported_at", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "headline", "dek", "dateline_place", "dateline_month", "dateline_day", "dateline_year", "dateline_agency", "hero_image_id", "hero_alt", "hero_caption", "hero_credit", "hero_creator", "hero_copyright", "hero_license_url", "hero_license_offered", "body", "suppress_ads", "seo_title", "seo_description", "slug", "published_at", "section_id", "show_latest_headlines", "source_kind", "source_agency", "source_imported_at", "created_by_id", "updated_at", "created_at", "_status" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`articles_hero_hero_image_idx\` ON \`articles\` (\`hero_image_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_section_idx\` ON \`articles\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_by_idx\` ON \`articles\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_idx\` ON \`articles\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`section__status_publishedAt_idx\` ON \`articles\` (\`section_id\`,\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_headline\` text,
  	\`version_dek\` text,
  	\`version_dateline_place\` text,
  	\`version_dateline_month\` numeric,
  	\`version_dateline_day\` numeric,
  	\`version_dateline_year\` numeric,
  	\`version_dateline_agency\` text,
  	\`version_hero_image_id\` integer,
  	\`version_hero_alt\` text,
  	\`version_hero_caption\` text,
  	\`version_hero_credit\` text,
  	\`version_hero_creator\` text,
  	\`version_hero_copyright\` text,
  	\`version_hero_license_url\` text,
  	\`version_hero_license_offered\` integer DEFAULT false,
  	\`version_body\` text,
  	\`version_suppress_ads\` integer DEFAULT false,
  	\`version_seo_title\` text,
  	\`version_seo_description\` text,
  	\`version_slug\` text,
  	\`version_published_at\` text,
  	\`version_section_id\` integer,
  	\`version_show_latest_headlines\` integer DEFAULT true,
  	\`version_source_kind\` text DEFAULT 'newsroom',
  	\`version_source_agency\` text,
  	\`version_source_imported_at\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_headline", "version_dek", "version_dateline_place", "version_dateline_month", "version_dateline_day", "version_dateline_year", "version_dateline_agency", "version_hero_image_id", "version_hero_alt", "version_hero_caption", "version_hero_credit", "version_hero_creator", "version_hero_copyright", "version_hero_license_url", "version_hero_license_offered", "version_body", "version_suppress_ads", "version_seo_title", "version_seo_description", "version_slug", "version_published_at", "version_section_id", "version_show_latest_headlines", "version_source_kind", "version_source_agency", "version_source_imported_at", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_headline", "version_dek", "version_dateline_place", "version_dateline_month", "version_dateline_day", "version_dateline_year", "version_dateline_agency", "version_hero_image_id", "version_hero_alt", "version_hero_caption", "version_hero_credit", "version_hero_creator", "version_hero_copyright", "version_hero_license_url", "version_hero_license_offered", "version_body", "version_suppress_ads", "version_seo_title", "version_seo_description", "version_slug", "version_published_at", "version_section_id", "version_show_latest_headlines", "version_source_kind", "version_source_agency", "version_source_imported_at", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_hero_version_hero_image_idx\` ON \`_articles_v\` (\`version_hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_section_idx\` ON \`_articles_v\` (\`version_section_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_by_idx\` ON \`_articles_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_autosave_idx\` ON \`_articles_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version_section_version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version_section_id\`,\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`media_id\` integer,
  	\`authors_id\` integer,
  	\`sections_id\` integer,
  	\`ad_slots_id\` integer,
  	\`headlines_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`authors_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sections_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`ad_slots_id\`) REFERENCES \`ad_slots\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`headlines_id\`) REFERENCES \`headlines\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "media_id", "authors_id", "sections_id", "ad_slots_id", "headlines_id", "users_id") SELECT "id", "order", "parent_id", "path", "articles_id", "media_id", "authors_id", "sections_id", "ad_slots_id", "headlines_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_authors_id_idx\` ON \`payload_locked_documents_rels\` (\`authors_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sections_id_idx\` ON \`payload_locked_documents_rels\` (\`sections_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ad_slots_id_idx\` ON \`payload_locked_documents_rels\` (\`ad_slots_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_headlines_id_idx\` ON \`payload_locked_documents_rels\` (\`headlines_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
}

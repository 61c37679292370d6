import type { Kysely, Migration, MigrationProvider } from "kysely";

/*
 * The store's migrations, in order. Append only: never edit one that has shipped. Each is written
 * with Kysely's schema builder, so the same code makes the same tables on SQLite and PostgreSQL.
 */
export const MIGRATIONS: Record<string, Migration> = {
  "2026-12-07-01-activity": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("activity")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("org_id", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor_kind", "text", (c) => c.notNull())
        .addColumn("actor_id", "text", (c) => c.notNull())
        .addColumn("actor_name", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("target_kind", "text")
        .addColumn("target_id", "text")
        .addColumn("target_name", "text")
        .addColumn("endpoint_id", "text")
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("error_code", "text")
        .addColumn("request_id", "text")
        .addColumn("changes", "text")
        .addColumn("details", "text")
        .execute();
      // The log's views: the organization's whole log, and filtered by endpoint, actor or action.
      await db.schema.createIndex("activity_org").on("activity").columns(["org_id", "id"]).execute();
      await db.schema
        .createIndex("activity_org_endpoint")
        .on("activity")
        .columns(["org_id", "endpoint_id", "id"])
        .execute();
      await db.schema
        .createIndex("activity_org_actor")
        .on("activity")
        .columns(["org_id", "actor_id", "id"])
        .execute();
      await db.schema
        .createIndex("activity_org_action")
        .on("activity")
        .columns(["org_id", "action", "id"])
        .execute();
      await db.schema.createIndex("activity_at").on("activity").column("at").execute();

      await db.schema
        .createTable("endpoint_seen")
        .addColumn("org_id", "text", (c) => c.notNull())
        .addColumn("endpoint_id", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("fields", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("endpoint_seen_pk", ["org_id", "endpoint_id"])
        .execute();
    },
  },
  "2026-12-07-02-alerts": {
    async up(db: Kysely<unknown>) {
      // The organization's stored key (sealed), which the watcher and the access links act
      // through; whether it is watched, and its alert rule.
      await db.schema
        .createTable("org_key")
        .addColumn("org_id", "text", (c) => c.primaryKey())
        .addColumn("org_name", "text", (c) => c.notNull())
        .addColumn("key_sealed", "text", (c) => c.notNull())
        .addColumn("key_prefix", "text", (c) => c.notNull())
        .addColumn("key_description", "text")
        .addColumn("started_by", "text", (c) => c.notNull())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("watching", "integer", (c) => c.notNull())
        .addColumn("key_status", "text", (c) => c.notNull())
        .addColumn("key_rejected_at", "text")
        .addColumn("failing_after", "integer", (c) => c.notNull())
        .addColumn("remind_every_hours", "integer")
        .addColumn("checked_at", "text")
        .addColumn("check_error", "text")
        .execute();
      // Each watched endpoint's state: absent is healthy.
      await db.schema
        .createTable("alert_state")
        .addColumn("org_id", "text", (c) => c.notNull())
        .addColumn("endpoint_id", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("since", "text", (c) => c.notNull())
        .addColumn("changed_at", "text", (c) => c.notNull())
        .addColumn("notice_id", "text", (c) => c.notNull())
        .addColumn("reminded_at", "text")
        .addPrimaryKeyConstraint("alert_state_pk", ["org_id", "endpoint_id"])
        .execute();
      await db.schema
        .createTable("alert_channel")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("org_id", "text", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("target", "text", (c) => c.notNull())
        .addColumn("secret_sealed", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("removed_at", "text")
        .execute();
      await db.schema
        .createIndex("alert_channel_org")
        .on("alert_channel")
        .columns(["org_id", "id"])
        .execute();
      // A notice: its id is stable, so the same change never makes two.
      await db.schema
        .createTable("notice")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("org_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("notice_org").on("notice").columns(["org_id", "at", "id"]).execute();
      // The outbox: one row per notice and channel, each with its own retries.
      await db.schema
        .createTable("notice_delivery")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("notice_id", "text", (c) => c.notNull())
        .addColumn("channel_id", "text", (c) => c.notNull())
        .addColumn("org_id", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("next_at", "text", (c) => c.notNull())
        .addColumn("locked_until", "text")
        .addColumn("last_error", "text")
        .addColumn("sent_at", "text")
        .addUniqueConstraint("notice_delivery_once", ["notice_id", "channel_id"])
        .execute();
      await db.schema
        .createIndex("notice_delivery_due")
        .on("notice_delivery")
        .columns(["status", "next_at"])
        .execute();
      await db.schema
        .createTable("notice_attempt")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("delivery_id", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("ok", "integer", (c) => c.notNull())
        .addColumn("status_code", "integer")
        .addColumn("error", "text")
        .addColumn("duration_ms", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("notice_attempt_delivery")
        .on("notice_attempt")
        .columns(["delivery_id", "id"])
        .execute();
      // Who runs a piece of background work now: one holder at a time, until the lease expires.
      await db.schema
        .createTable("lease")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("holder", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "2026-12-07-03-access": {
    async up(db: Kysely<unknown>) {
      // An access link and the grant it starts: who, which role, until when; its token only hashed.
      await db.schema
        .createTable("access_grant")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("org_id", "text", (c) => c.notNull())
        .addColumn("holder", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("redeem_by", "text", (c) => c.notNull())
        .addColumn("redeemed_at", "text")
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("last_used_at", "text")
        .addColumn("revoked_at", "text")
        .addColumn("revoked_by", "text")
        .execute();
      await db.schema
        .createIndex("access_grant_org")
        .on("access_grant")
        .columns(["org_id", "created_at"])
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

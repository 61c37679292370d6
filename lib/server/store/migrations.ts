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
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

export type Db = Database.Database;

/**
 * Versioned migrations: the index + 1 is the schema version kept in `PRAGMA user_version`.
 * Append only; never edit a migration that has shipped.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE organizations (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
  );
  CREATE TABLE api_keys (
    id           TEXT PRIMARY KEY,
    key_hash     TEXT NOT NULL UNIQUE,
    org_id       TEXT NOT NULL REFERENCES organizations(id),
    prefix       TEXT NOT NULL,
    description  TEXT NOT NULL,
    role         TEXT NOT NULL,
    created_at   TEXT NOT NULL
  );
  CREATE TABLE endpoints (
    id                   TEXT PRIMARY KEY,
    org_id               TEXT NOT NULL REFERENCES organizations(id),
    url                  TEXT NOT NULL,
    description          TEXT NOT NULL,
    event_types          TEXT NOT NULL,
    is_active            INTEGER NOT NULL,
    metadata             TEXT NOT NULL,
    secret               TEXT NOT NULL,
    previous_secret      TEXT,
    previous_expires_ms  INTEGER,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
  );
  CREATE INDEX endpoints_org_created ON endpoints (org_id, created_at DESC, id DESC);
  -- Side tables kept in step with endpoints.metadata / event_types, for indexed filters.
  CREATE TABLE endpoint_metadata (
    endpoint_id  TEXT NOT NULL REFERENCES endpoints(id),
    org_id       TEXT NOT NULL,
    key          TEXT NOT NULL,
    value        TEXT NOT NULL,
    PRIMARY KEY (endpoint_id, key)
  ) WITHOUT ROWID;
  CREATE INDEX endpoint_metadata_lookup ON endpoint_metadata (org_id, key, value);
  CREATE TABLE endpoint_event_types (
    endpoint_id  TEXT NOT NULL REFERENCES endpoints(id),
    org_id       TEXT NOT NULL,
    event_type   TEXT NOT NULL,
    PRIMARY KEY (endpoint_id, event_type)
  ) WITHOUT ROWID;
  CREATE INDEX endpoint_event_types_lookup ON endpoint_event_types (org_id, event_type);
  CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL,
    type        TEXT NOT NULL,
    data        TEXT NOT NULL,
    created_at  TEXT NOT NULL
  );
  CREATE TABLE deliveries (
    id                 TEXT PRIMARY KEY,
    org_id             TEXT NOT NULL,
    endpoint_id        TEXT NOT NULL REFERENCES endpoints(id),
    event_id           TEXT NOT NULL REFERENCES events(id),
    event_type         TEXT NOT NULL,
    status             TEXT NOT NULL,
    attempts           INTEGER NOT NULL DEFAULT 0,
    http_status_code   INTEGER,
    response_body      TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    last_attempted_at  TEXT,
    -- When the worker may next attempt it; NULL once terminal (delivered, dead_letter, a ping).
    next_attempt_ms    INTEGER,
    -- Set while an attempt is under way; a start finds such rows orphaned by a crash.
    claimed_at_ms      INTEGER
  );
  CREATE INDEX deliveries_org_created ON deliveries (org_id, created_at DESC, id DESC);
  CREATE INDEX deliveries_org_endpoint ON deliveries (org_id, endpoint_id, created_at DESC, id DESC);
  CREATE INDEX deliveries_org_status ON deliveries (org_id, status, created_at DESC, id DESC);
  CREATE INDEX deliveries_org_type ON deliveries (org_id, event_type, created_at DESC, id DESC);
  CREATE INDEX deliveries_due ON deliveries (next_attempt_ms) WHERE next_attempt_ms IS NOT NULL;
  `,
  // 2: totals for the deliveries list without counting a million index entries per request.
  // Triggers keep one row per (organization, endpoint, status, event type) in step.
  `
  CREATE TABLE delivery_counts (
    org_id       TEXT NOT NULL,
    endpoint_id  TEXT NOT NULL,
    status       TEXT NOT NULL,
    event_type   TEXT NOT NULL,
    count        INTEGER NOT NULL,
    PRIMARY KEY (org_id, endpoint_id, status, event_type)
  ) WITHOUT ROWID;
  CREATE INDEX delivery_counts_status ON delivery_counts (org_id, status, event_type);
  CREATE INDEX delivery_counts_type ON delivery_counts (org_id, event_type);
  INSERT INTO delivery_counts
    SELECT org_id, endpoint_id, status, event_type, COUNT(*) FROM deliveries GROUP BY 1, 2, 3, 4;
  CREATE TRIGGER deliveries_count_insert AFTER INSERT ON deliveries BEGIN
    INSERT INTO delivery_counts VALUES (NEW.org_id, NEW.endpoint_id, NEW.status, NEW.event_type, 1)
      ON CONFLICT (org_id, endpoint_id, status, event_type) DO UPDATE SET count = count + 1;
  END;
  CREATE TRIGGER deliveries_count_status AFTER UPDATE OF status ON deliveries
    WHEN OLD.status <> NEW.status BEGIN
    UPDATE delivery_counts SET count = count - 1
      WHERE org_id = OLD.org_id AND endpoint_id = OLD.endpoint_id
        AND status = OLD.status AND event_type = OLD.event_type;
    INSERT INTO delivery_counts VALUES (NEW.org_id, NEW.endpoint_id, NEW.status, NEW.event_type, 1)
      ON CONFLICT (org_id, endpoint_id, status, event_type) DO UPDATE SET count = count + 1;
  END;
  CREATE INDEX deliveries_org_status_type ON deliveries (org_id, status, event_type, created_at DESC, id DESC);
  `,
  // User keys (csu_) and their users: several keys per organization, whoami names the user.
  `
  ALTER TABLE api_keys ADD COLUMN email TEXT;
  ALTER TABLE api_keys ADD COLUMN user_id TEXT;
  `,
];

export function openDb(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}

export function migrate(db: Db): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}

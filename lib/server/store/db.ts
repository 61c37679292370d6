import "server-only";
import Database from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Pool } from "pg";
import { log } from "../log";
import { migrationProvider } from "./migrations";
import type { StoreSchema } from "./schema";

/*
 * The portal's store, behind one typed query layer (Kysely) over two databases:
 *   DATABASE_URL unset          SQLite at .data/portal.db (better-sqlite3, WAL), made on first start
 *   DATABASE_URL=file:/x.db     SQLite there
 *   DATABASE_URL=postgres://…   PostgreSQL, for several portal instances behind a load balancer
 * Migrations run when the store is first opened, under a lock, so instances that start together
 * apply each one once.
 */

export type Store = Kysely<StoreSchema>;
export type Dialect = "sqlite" | "postgres";

export interface StoreTarget {
  dialect: Dialect;
  /** The file for SQLite, the connection string for PostgreSQL. */
  location: string;
}

/** Where DATABASE_URL points, or null when it names nothing this portal can open. */
export function storeTarget(url: string | undefined): StoreTarget | null {
  if (!url) return { dialect: "sqlite", location: resolve(".data", "portal.db") };
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    return path ? { dialect: "sqlite", location: path === ":memory:" ? path : resolve(path) } : null;
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: "postgres", location: url };
  return null;
}

/** Opens the store at `target` and brings its schema up to date. */
export async function openStore(target: StoreTarget): Promise<{ db: Store; dialect: Dialect }> {
  const db = new Kysely<StoreSchema>({ dialect: dialectFor(target) });
  try {
    await migrate(db, target.dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, dialect: target.dialect };
}

function dialectFor({ dialect, location }: StoreTarget) {
  if (dialect === "postgres") {
    const pool = new Pool({ connectionString: location, max: 10, connectionTimeoutMillis: 2_000 });
    // A connection that the server drops (a restart, a failover) is an event, not a crash: the
    // pool replaces it on the next query. Without listeners, Node would end the process: the pool
    // listens on idle connections, and each connection on itself while it is checked out.
    const dropped = (error: Error) =>
      log.warn({ error: error.message }, "store: a PostgreSQL connection dropped");
    pool.on("error", dropped);
    pool.on("connect", (client) => client.on("error", dropped));
    return new PostgresDialect({ pool });
  }
  if (location !== ":memory:") mkdirSync(dirname(location), { recursive: true });
  const database = new Database(location);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("busy_timeout = 5000");
  // A deleted row is overwritten, not left in a free page: turning watching off erases the sealed key.
  database.pragma("secure_delete = ON");
  return new SqliteDialect({ database });
}

/**
 * Applies the migrations not applied yet. On PostgreSQL, Kysely's migrator holds an advisory lock
 * for the run, so a second instance waits and then finds nothing to do; but it creates its own
 * bookkeeping tables before taking the lock, and two `create table if not exists` at once can
 * collide. SQLite has no lock across processes at all: a second process that raced the first fails
 * its transaction (the file is locked, or the table exists). Either way the loser tries again, and
 * finds the work done.
 */
export async function migrate(db: Store, dialect: Dialect, attempts = 50): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  for (let attempt = 1; ; attempt++) {
    const { error, results = [] } = await migrator.migrateToLatest();
    if (!error) return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
    if (attempt >= (dialect === "postgres" ? 5 : attempts)) {
      throw error instanceof Error ? error : new Error("the store's migration failed");
    }
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
  }
}

/** Whether the store answers now, within `timeoutMs`: readiness reports it. */
export async function storeAnswers(db: Store, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      sql`select 1`.execute(db).then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { postgresAvailable, startPostgres, type Postgres } from "./postgres";

/**
 * The store's tests on both of its databases: a temporary folder for SQLite files and, where the
 * machine has one, a real PostgreSQL (harness/postgres.ts), started before the file's tests and
 * stopped after. `fresh` answers a new, empty database of either kind.
 */
export function testDatabases(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `portal-${name}-`));
  const held: { pg: Postgres | null } = { pg: null };
  let n = 0;
  beforeAll(async () => {
    if (postgresAvailable()) held.pg = await startPostgres();
  }, 30_000);
  afterAll(() => {
    held.pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    /** The PostgreSQL server, or null where there is none (then its half of the tests skips). */
    postgres: () => held.pg,
    fresh: async <D extends "sqlite" | "postgres">(dialect: D): Promise<{ dialect: D; location: string }> => {
      n++;
      return dialect === "sqlite"
        ? { dialect, location: join(dir, `${name}-${n}.db`) }
        : { dialect, location: await held.pg!.database(`${name}_${n}`) };
    },
  };
}

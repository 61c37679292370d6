/**
 * A real PostgreSQL for the tests: Debian's `postgresql` server in a temporary directory, on a free
 * port, as an ordinary user (as root, the `postgres` user: PostgreSQL refuses to run as root).
 * About 2 s to start. `.ci/run` installs the package where it is missing and sets
 * REQUIRE_POSTGRES=1, so that there a missing server fails the tests instead of skipping them.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { freePort } from "./sandbox-client";

export interface Postgres {
  /** postgres://portal@127.0.0.1:<port>/postgres */
  url: string;
  /** A fresh database on the same server, for a test that wants its own. */
  database(name: string): Promise<string>;
  /** Stops the server, keeping its data (an outage); `start` brings it back on the same port. */
  halt(): void;
  start(): void;
  stop(): void;
}

/** The newest installed server's bin directory, or null. */
export function postgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

/** Whether the tests can have a PostgreSQL here; with REQUIRE_POSTGRES=1 they must. */
export function postgresAvailable(): boolean {
  const found = postgresBin() !== null;
  if (!found && process.env.REQUIRE_POSTGRES === "1") {
    throw new Error("REQUIRE_POSTGRES=1, but no PostgreSQL server is installed (apt-get install postgresql)");
  }
  return found;
}

export async function startPostgres(): Promise<Postgres> {
  const bin = postgresBin();
  if (!bin) throw new Error("no PostgreSQL server is installed (apt-get install postgresql)");
  const dir = mkdtempSync(join(tmpdir(), "portal-pg-"));
  const root = process.getuid?.() === 0;
  const as = (command: string, args: string[]) =>
    execFileSync(root ? "runuser" : command, root ? ["-u", "postgres", "--", command, ...args] : args, {
      stdio: "pipe",
    });
  if (root) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString().trim());
    chownSync(dir, id("-u"), id("-g"));
  }
  const port = await freePort();
  const data = join(dir, "data");
  as(join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "portal", "--no-sync"]);
  const start = () =>
    as(join(bin, "pg_ctl"), [
      "-D",
      data,
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      "-l",
      join(dir, "log"),
      "-w",
      "start",
    ]);
  start();
  const url = `postgres://portal@127.0.0.1:${port}/postgres`;
  return {
    url,
    async database(name: string) {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
      } finally {
        await client.end();
      }
      return url.replace(/\/postgres$/, `/${name}`);
    },
    halt() {
      as(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    },
    start,
    stop() {
      try {
        as(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        /* halted already (a test that failed while it was down): nothing runs to stop */
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

import "server-only";
import { PENDING_FOR_MS, type ActivityEntry, type ActivityFilters, type Outcome } from "@/lib/activity/entry";
import type { EndpointChanges } from "@/lib/activity/changes";
import { log } from "./log";
import type { Actor } from "./actor";
import { timeOrderedId } from "./store/ids";
import type { ActivityTable } from "./store/schema";
import type { Store } from "./store/db";

/*
 * The activity log: who did what through the portal, and how it ended. An entry is written before
 * the change goes to Closient and completed with its outcome after, so a stop between the two
 * leaves "outcome unknown", never nothing. A change is never refused because the store is down:
 * entries wait in memory (bounded) and are written, in order, once it answers again; past the
 * bound, the log records a gap with its size. Never a key, a secret, a cookie or a delivery body.
 */

export interface ActivityContext {
  orgId: string;
  actor: Actor;
  requestId: string | null;
}

export interface Target {
  kind: "endpoint" | "delivery" | "session" | "log" | "alerts" | "channel" | "grant";
  id: string | null;
  name: string | null;
}

export interface Begin {
  action: string;
  target?: Target;
  /** The endpoint concerned, when the target is a delivery (an endpoint target is its own). */
  endpointId?: string | null;
  changes?: EndpointChanges | null;
  details?: Record<string, unknown> | null;
}

export type Finish =
  | {
      ok: true;
      /** What the answer told: a new endpoint's id, the target's name at that time. */
      targetId?: string | null;
      targetName?: string | null;
      changes?: EndpointChanges | null;
      details?: Record<string, unknown> | null;
    }
  | { ok: false; code: string };

type Op =
  { kind: "insert"; row: ActivityTable } | { kind: "update"; id: string; set: Partial<ActivityTable> };

const json = (value: unknown) => (value == null ? null : JSON.stringify(value));

export class ActivityLog {
  private readonly waiting: Op[] = [];
  private readonly lost = new Map<string, number>();
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: () => Promise<Store>,
    private readonly bound = 1_000,
    private readonly retryMs = 1_000,
  ) {}

  /** Writes a pending entry and answers its id; it never throws (the entry waits if need be). */
  async begin(ctx: ActivityContext, entry: Begin): Promise<string> {
    const row = this.row(ctx, entry, "pending");
    await this.apply({ kind: "insert", row });
    return row.id;
  }

  /** Completes an entry with its outcome. */
  async finish(id: string, outcome: Finish): Promise<void> {
    const set: Partial<ActivityTable> = outcome.ok
      ? {
          outcome: "succeeded",
          ...(outcome.targetId ? { target_id: outcome.targetId, endpoint_id: outcome.targetId } : {}),
          ...(outcome.targetName !== undefined ? { target_name: outcome.targetName } : {}),
          ...(outcome.changes !== undefined ? { changes: json(outcome.changes) } : {}),
          ...(outcome.details !== undefined ? { details: json(outcome.details) } : {}),
        }
      : { outcome: "failed", error_code: outcome.code };
    await this.apply({ kind: "update", id, set });
  }

  /** An entry whose outcome is known already (a sign-in, a change seen elsewhere, a bulk replay's end). */
  async record(ctx: ActivityContext, entry: Begin, outcome: "succeeded" | "failed" = "succeeded") {
    await this.apply({ kind: "insert", row: this.row(ctx, entry, outcome) });
  }

  /** Begins an entry, runs the change, and completes the entry with how it ended. */
  async around<T>(
    ctx: ActivityContext,
    entry: Begin,
    change: () => Promise<T>,
    done: (result: T) => Omit<Extract<Finish, { ok: true }>, "ok"> = () => ({}),
  ): Promise<T> {
    const id = await this.begin(ctx, entry);
    let result: T;
    try {
      result = await change();
    } catch (error) {
      const code =
        typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
          ? error.code
          : "INTERNAL_ERROR";
      void this.finish(id, { ok: false, code });
      throw error;
    }
    void this.finish(id, { ok: true, ...done(result) });
    return result;
  }

  /** How many writes wait for the store; and whether any were lost past the bound. */
  backlog() {
    return { waiting: this.waiting.length, lost: [...this.lost.values()].reduce((a, b) => a + b, 0) };
  }

  /** Writes what waits, now (tests, and a graceful stop). */
  async drain() {
    await this.flush();
  }

  private row(ctx: ActivityContext, entry: Begin, outcome: string): ActivityTable {
    return {
      id: timeOrderedId(),
      org_id: ctx.orgId,
      at: new Date().toISOString(),
      actor_kind: ctx.actor.kind,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      action: entry.action,
      target_kind: entry.target?.kind ?? null,
      target_id: entry.target?.id ?? null,
      target_name: entry.target?.name ?? null,
      endpoint_id: entry.endpointId ?? (entry.target?.kind === "endpoint" ? entry.target.id : null),
      outcome,
      error_code: null,
      request_id: ctx.requestId,
      changes: json(entry.changes),
      details: json(entry.details),
    };
  }

  /** Writes at once when nothing waits; else behind what waits, in order. */
  private async apply(op: Op) {
    if (this.waiting.length === 0 && !this.flushing) {
      try {
        await this.write(await this.store(), op);
        return;
      } catch (error) {
        log.warn(
          { error: error instanceof Error ? error.message : "unknown" },
          "activity: store unreachable, entries wait",
        );
      }
    }
    this.enqueue(op);
  }

  /**
   * Past the bound, an entry that cannot wait is counted per organization (the gap entry says how
   * many); a completion that cannot wait leaves its entry pending, which reads "outcome unknown".
   */
  private enqueue(op: Op) {
    if (this.waiting.length >= this.bound) {
      if (op.kind === "insert") this.lost.set(op.row.org_id, (this.lost.get(op.row.org_id) ?? 0) + 1);
    } else this.waiting.push(op);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.retryMs);
    this.timer.unref?.();
  }

  private flush(): Promise<void> {
    this.flushing ??= (async () => {
      try {
        const db = await this.store();
        while (this.waiting.length) {
          await this.write(db, this.waiting[0]!);
          this.waiting.shift();
        }
        for (const [org, lost] of this.lost) {
          await this.write(db, {
            kind: "insert",
            row: this.row(
              { orgId: org, actor: { kind: "key", id: "portal", name: "The portal" }, requestId: null },
              { action: "log.gap", details: { lost } },
              "succeeded",
            ),
          });
          this.lost.delete(org);
        }
      } catch {
        if (this.waiting.length || this.lost.size) this.enqueue({ kind: "update", id: "", set: {} });
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  private async write(db: Store, op: Op) {
    if (op.kind === "insert") await db.insertInto("activity").values(op.row).execute();
    else if (op.id) await db.updateTable("activity").set(op.set).where("id", "=", op.id).execute();
  }
}

function parse<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** A row as the page and the API show it; a pending entry left behind reads "outcome unknown". */
export function toEntry(row: ActivityTable, now = Date.now()): ActivityEntry {
  const outcome: Outcome =
    row.outcome === "pending" && now - Date.parse(row.at) > PENDING_FOR_MS
      ? "unknown"
      : (row.outcome as Outcome);
  return {
    id: row.id,
    at: row.at,
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    action: row.action,
    target: row.target_kind ? { kind: row.target_kind, id: row.target_id, name: row.target_name } : null,
    outcome,
    error_code: row.error_code,
    request_id: row.request_id,
    changes: parse(row.changes),
    details: parse(row.details),
  };
}

/**
 * One page of an organization's log, newest first, with the filters; `next_cursor` continues it.
 * The organization comes from the session, never from the request: no filter reaches another's.
 */
export async function listActivity(
  db: Store,
  orgId: string,
  filters: ActivityFilters,
): Promise<{ data: ActivityEntry[]; next_cursor: string | null }> {
  const limit = filters.limit ?? 50;
  let query = db.selectFrom("activity").selectAll().where("org_id", "=", orgId);
  if (filters.endpoint) query = query.where("endpoint_id", "=", filters.endpoint);
  if (filters.actor) query = query.where("actor_name", "=", filters.actor);
  if (filters.action) query = query.where("action", "=", filters.action);
  if (filters.since) query = query.where("at", ">=", new Date(filters.since).toISOString());
  if (filters.until) query = query.where("at", "<=", new Date(filters.until).toISOString());
  if (filters.cursor) query = query.where("id", "<", filters.cursor);
  const rows = await query
    .orderBy("id", "desc")
    .limit(limit + 1)
    .execute();
  const now = Date.now();
  return {
    data: rows.slice(0, limit).map((row) => toEntry(row, now)),
    next_cursor: rows.length > limit ? rows[limit - 1]!.id : null,
  };
}

/** Deletes entries older than `days`, a batch at a time; answers how many. */
export async function pruneActivity(db: Store, days: number, batch = 5_000): Promise<number> {
  const before = new Date(Date.now() - days * 86_400_000).toISOString();
  let total = 0;
  for (;;) {
    const ids = await db.selectFrom("activity").select("id").where("at", "<", before).limit(batch).execute();
    if (!ids.length) return total;
    await db
      .deleteFrom("activity")
      .where(
        "id",
        "in",
        ids.map((r) => r.id),
      )
      .execute();
    total += ids.length;
  }
}

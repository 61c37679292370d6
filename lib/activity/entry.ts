import { z } from "zod";
import { changeLines, type EndpointChanges } from "./changes";

/*
 * The activity log's entries as the page, the JSON route and the export show them. Pure: the
 * server reads the rows (lib/server/activity.ts), this names them in words.
 */

export const ACTIVITY_ACTIONS = [
  "endpoint.created",
  "endpoint.updated",
  "endpoint.paused",
  "endpoint.resumed",
  "secret.rotated",
  "endpoint.tested",
  "delivery.replayed",
  "bulk_replay.started",
  "bulk_replay.finished",
  "bulk_replay.cancelled",
  "log.exported",
  "session.signed_in",
  "session.signed_out",
  "endpoint.changed_elsewhere",
  "log.gap",
] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

export type Outcome = "succeeded" | "failed" | "pending" | "unknown";

export interface ActivityEntry {
  id: string;
  at: string;
  actor: { kind: string; id: string; name: string };
  action: string;
  target: { kind: string; id: string | null; name: string | null } | null;
  /** `unknown`: begun, and never completed (the portal stopped between the two). */
  outcome: Outcome;
  error_code: string | null;
  request_id: string | null;
  changes: EndpointChanges | null;
  details: Record<string, unknown> | null;
}

/** A pending entry older than this was left by a stop between the change and its answer. */
export const PENDING_FOR_MS = 2 * 60_000;

const count = (value: unknown, one: string, many = `${one}s`) =>
  typeof value === "number" ? `${value.toLocaleString("en")} ${value === 1 ? one : many}` : `some ${many}`;

/** The entry in words: "alice@brand.example paused Warehouse sync". */
export function describe(entry: ActivityEntry): string {
  const who = entry.actor.name;
  const what = entry.target?.name || entry.target?.id || "an endpoint";
  const d = entry.details ?? {};
  switch (entry.action) {
    case "endpoint.created":
      return `${who} added ${what}`;
    case "endpoint.updated":
      return `${who} edited ${what}`;
    case "endpoint.paused":
      return `${who} paused ${what}`;
    case "endpoint.resumed":
      return `${who} resumed ${what}`;
    case "secret.rotated":
      return `${who} rotated the signing secret of ${what}`;
    case "endpoint.tested":
      return `${who} sent a test ping to ${what}`;
    case "delivery.replayed":
      return `${who} replayed delivery ${entry.target?.id ?? ""}${typeof d.endpoint_name === "string" && d.endpoint_name ? ` to ${d.endpoint_name}` : ""}`;
    case "bulk_replay.started":
      return `${who} started replaying ${count(d.planned, "dead letter")}`;
    case "bulk_replay.finished":
      return `${who} finished a bulk replay: ${count(d.replayed, "replayed", "replayed")}, ${count(d.skipped, "skipped", "skipped")}`;
    case "bulk_replay.cancelled":
      return `${who} cancelled a bulk replay after ${count(d.replayed, "replay")}`;
    case "log.exported":
      return `${who} exported ${count(d.rows, "delivery", "deliveries")}${typeof d.format === "string" ? ` as ${d.format.toUpperCase()}` : ""}`;
    case "session.signed_in":
      return `${who} signed in`;
    case "session.signed_out":
      return `${who} signed out`;
    case "endpoint.changed_elsewhere":
      return `${what} was changed outside the portal`;
    case "log.gap":
      return `${count(d.lost, "entry", "entries")} could not be kept while the portal's database was unreachable`;
    default:
      return `${who}: ${entry.action}`;
  }
}

/** What changed, one line each (empty when the action changed no field). */
export function changeSummary(entry: ActivityEntry): string[] {
  return entry.changes ? changeLines(entry.changes) : [];
}

export const OUTCOME_WORDS: Record<Outcome, string> = {
  succeeded: "Succeeded",
  failed: "Failed",
  pending: "In progress",
  unknown: "Outcome unknown",
};

const iso = z.iso.datetime({ offset: true });

/** The log's filters, as the page's URL and `GET /api/activity` take them. */
export const activityFiltersSchema = z.object({
  endpoint: z.string().max(64).optional(),
  actor: z.string().max(320).optional(),
  action: z.enum(ACTIVITY_ACTIONS).optional(),
  since: iso.optional(),
  until: iso.optional(),
  cursor: z
    .string()
    .regex(/^[0-9a-z]{22}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type ActivityFilters = z.infer<typeof activityFiltersSchema>;

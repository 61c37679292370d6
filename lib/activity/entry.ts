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
  "alerts.watching_started",
  "alerts.watching_stopped",
  "alerts.rule_changed",
  "alerts.channel_added",
  "alerts.channel_removed",
  "alerts.channel_tested",
  "alerts.key_rejected",
  "access.key_stored",
  "access.key_erased",
  "access.link_created",
  "access.link_redeemed",
  "access.grant_revoked",
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
    case "alerts.watching_started":
      return `${who} turned watching on with ${what}`;
    case "alerts.watching_stopped":
      return `${who} turned watching off and erased its key`;
    case "alerts.rule_changed":
      return `${who} changed the alert rule`;
    case "alerts.channel_added":
      return `${who} added the alert channel ${what}`;
    case "alerts.channel_removed":
      return `${who} removed the alert channel ${what}`;
    case "alerts.channel_tested":
      return `${who} sent a test notice to ${what}`;
    case "alerts.key_rejected":
      return `Closient refused the key that watched (${what}); watching stopped`;
    case "access.key_stored":
      return `${who} stored the organization's key (${what}) for access links`;
    case "access.key_erased":
      return `${who} erased the organization's stored key and revoked its links`;
    case "access.link_created":
      return `${who} made a${d.role === "on_call" ? "n on-call" : " viewer"} access link for ${what}`;
    case "access.link_redeemed":
      return `${who} opened their access link`;
    case "access.grant_revoked":
      return `${who} revoked the access of ${what}`;
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

const runId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const countField = z.number().int().min(0).max(1_000_000);
/** The log's filters as the page had them (names and values only, bounded). */
const filtersSeen = z
  .record(z.string().max(40), z.string().max(200))
  .refine((f) => Object.keys(f).length <= 12, "At most 12 filters.");

/**
 * What the browser reports of the work it does itself (the bulk replay runs in the admin's
 * browser, one replay route call at a time; the export reads the log and makes the file there):
 * `POST /api/activity` takes one of these.
 */
export const reportedActivitySchema = z.discriminatedUnion("action", [
  z.strictObject({
    action: z.literal("bulk_replay.started"),
    run: runId,
    planned: countField,
    skipped: countField,
    filters: filtersSeen,
  }),
  z.strictObject({
    action: z.literal("bulk_replay.finished"),
    run: runId,
    replayed: countField,
    failed: countField,
    skipped: countField,
    not_attempted: countField,
  }),
  z.strictObject({
    action: z.literal("bulk_replay.cancelled"),
    run: runId,
    replayed: countField,
    not_attempted: countField,
  }),
  z.strictObject({
    action: z.literal("log.exported"),
    rows: countField,
    total: countField,
    format: z.enum(["csv", "json"]),
    filters: filtersSeen,
  }),
]);
export type ReportedActivity = z.infer<typeof reportedActivitySchema>;

/** The export's columns: the entry in words, and every field. */
export const ACTIVITY_EXPORT_COLUMNS = [
  "id",
  "at",
  "summary",
  "actor_kind",
  "actor_name",
  "action",
  "target_kind",
  "target_id",
  "target_name",
  "outcome",
  "error_code",
  "request_id",
  "changes",
] as const;

export function exportRow(
  entry: ActivityEntry,
): Record<(typeof ACTIVITY_EXPORT_COLUMNS)[number], string | null> {
  return {
    id: entry.id,
    at: entry.at,
    summary: describe(entry),
    actor_kind: entry.actor.kind,
    actor_name: entry.actor.name,
    action: entry.action,
    target_kind: entry.target?.kind ?? null,
    target_id: entry.target?.id ?? null,
    target_name: entry.target?.name ?? null,
    outcome: entry.outcome,
    error_code: entry.error_code,
    request_id: entry.request_id,
    changes: changeSummary(entry).join("; ") || null,
  };
}

/** The page's time filter: a preset in the URL (`since=24h`) that the server turns into a time. */
export const ACTIVITY_PERIODS = { "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
export type ActivityPeriod = keyof typeof ACTIVITY_PERIODS;

/**
 * The page's URL as filters: the same names as `GET /api/activity`, plus a period preset for
 * `since`. A value that does not parse is dropped (and named), never an error page.
 */
export function activityFiltersFrom(
  params: URLSearchParams,
  now: number,
): { filters: ActivityFilters; period: ActivityPeriod | null; dropped: string[] } {
  const raw = Object.fromEntries([...params].filter(([, value]) => value !== ""));
  const period = raw.since && raw.since in ACTIVITY_PERIODS ? (raw.since as ActivityPeriod) : null;
  if (period) raw.since = new Date(now - ACTIVITY_PERIODS[period]).toISOString();
  const filters: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const field = activityFiltersSchema.shape[name as keyof ActivityFilters];
    if (!field) continue;
    const parsed = field.safeParse(value);
    if (parsed.success) filters[name] = parsed.data;
    else dropped.push(name);
  }
  return { filters: filters, period, dropped };
}

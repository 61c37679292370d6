import { z } from "zod";
import { ACTIVITY_EXPORT_COLUMNS, activityFiltersSchema, exportRow } from "@/lib/activity/entry";
import { closientError } from "@/lib/closient";
import { csvLines } from "@/lib/csv";
import { listActivity } from "@/lib/server/activity";
import { portalStore } from "@/lib/server/portal-store";
import { otherMethods, proxyRoute, readQuery } from "@/lib/server/route";

const MAX_ROWS = 10_000;
const exportQuerySchema = activityFiltersSchema.extend({ format: z.enum(["csv", "json"]).default("csv") });

/**
 * The activity log for the current filters as a file, newest first, up to 10,000 entries: CSV
 * (formula-safe: a cell a spreadsheet would run opens as text) or JSON.
 */
export const GET = proxyRoute(async ({ request, activity }) => {
  const { format, cursor: _cursor, limit: _limit, ...filters } = readQuery(request, exportQuerySchema);
  const db = await portalStore().catch(() => {
    throw closientError(503, "STORE_UNAVAILABLE");
  });
  const rows: ReturnType<typeof exportRow>[] = [];
  let cursor: string | undefined;
  do {
    const page = await listActivity(db, activity.orgId, { ...filters, cursor, limit: 200 });
    rows.push(...page.data.map(exportRow));
    cursor = page.next_cursor ?? undefined;
  } while (cursor && rows.length < MAX_ROWS);
  const kept = rows.slice(0, MAX_ROWS);
  const file = `closient-activity-${new Date().toISOString().replace(/[:.]/g, "-")}.${format}`;
  const body =
    format === "csv"
      ? csvLines(
          ACTIVITY_EXPORT_COLUMNS,
          kept.map((row) => ACTIVITY_EXPORT_COLUMNS.map((column) => row[column])),
        )
      : `${JSON.stringify(kept, null, 2)}\n`;
  return {
    data: null,
    raw: new Response(body, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json",
        "Content-Disposition": `attachment; filename="${file}"`,
        "Cache-Control": "no-store",
      },
    }),
  };
});

export const { POST, PATCH, PUT, DELETE } = otherMethods("GET");

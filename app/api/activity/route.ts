import { activityFiltersSchema, reportedActivitySchema } from "@/lib/activity/entry";
import { closientError } from "@/lib/closient";
import { listActivity } from "@/lib/server/activity";
import { activityLog, portalStore } from "@/lib/server/portal-store";
import { otherMethods, proxyRoute, readBody, readQuery } from "@/lib/server/route";

/** The organization's activity log, newest first, with the page's filters: `{data, next_cursor}`. */
export const GET = proxyRoute(async ({ request, activity }) => {
  const filters = readQuery(request, activityFiltersSchema);
  const db = await portalStore().catch(() => {
    throw closientError(503, "STORE_UNAVAILABLE");
  });
  return { data: await listActivity(db, activity.orgId, filters) };
});

/** What the browser did itself: a bulk replay's start and end, an export of the log. */
export const POST = proxyRoute(
  async ({ request, activity }) => {
    const { action, ...details } = await readBody(request, reportedActivitySchema);
    await activityLog().record(activity, { action, target: { kind: "log", id: null, name: null }, details });
    return { data: null, raw: new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } }) };
  },
  { mutating: true },
);

export const { PATCH, PUT, DELETE } = otherMethods("GET", "POST");

import { noticesQuerySchema } from "@/lib/alerts/settings";
import { listNotices } from "@/lib/server/alerts/settings";
import { otherMethods, proxyRoute, readQuery } from "@/lib/server/route";

/** The organization's notices, newest first, with each channel's attempts: `{data, next_cursor}`. */
export const GET = proxyRoute(async ({ request, activity }) => ({
  data: await listNotices(activity.orgId, readQuery(request, noticesQuerySchema)),
}));

export const { POST, PATCH, PUT, DELETE } = otherMethods("GET");

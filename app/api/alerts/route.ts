import { alertsView } from "@/lib/server/alerts/settings";
import { otherMethods, proxyRoute } from "@/lib/server/route";

/** The organization's alert settings: watching (which key, never the key), the rule, the channels. */
export const GET = proxyRoute(async ({ activity }) => ({ data: await alertsView(activity.orgId) }));

export const { POST, PATCH, PUT, DELETE } = otherMethods("GET");

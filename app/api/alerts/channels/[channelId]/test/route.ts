import { channelId, testChannel } from "@/lib/server/alerts/settings";
import { otherMethods, proxyRoute } from "@/lib/server/route";

/** Queues a test notice to this channel; its attempts show among the notices. */
export const POST = proxyRoute(
  async ({ params, activity }) => ({ data: await testChannel(activity, channelId(params)), status: 202 }),
  { mutating: true, needs: "alerts.manage" },
);

export const { GET, PATCH, PUT, DELETE } = otherMethods("POST");

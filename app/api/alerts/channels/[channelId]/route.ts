import { channelId, removeChannel } from "@/lib/server/alerts/settings";
import { otherMethods, proxyRoute } from "@/lib/server/route";

export const DELETE = proxyRoute(
  async ({ params, activity }) => ({ data: await removeChannel(activity, channelId(params)) }),
  { mutating: true, needs: "alerts.manage" },
);

export const { GET, POST, PATCH, PUT } = otherMethods("DELETE");

import { channelSchema } from "@/lib/alerts/settings";
import { addChannel } from "@/lib/server/alerts/settings";
import { otherMethods, proxyRoute, readBody } from "@/lib/server/route";

/** Adds a channel; a webhook channel's `signing_secret` is in this answer only. */
export const POST = proxyRoute(
  async ({ request, activity }) => ({
    data: await addChannel(activity, await readBody(request, channelSchema)),
    status: 201,
  }),
  { mutating: true, needs: "alerts.manage" },
);

export const { GET, PATCH, PUT, DELETE } = otherMethods("POST");

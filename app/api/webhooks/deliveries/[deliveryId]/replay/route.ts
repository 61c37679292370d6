import { otherMethods, pathId, proxyRoute } from "@/lib/server/route";
import { webhooks } from "@/lib/server/webhooks";

export const POST = proxyRoute(
  ({ params, apiKey }) => webhooks.replayDelivery(apiKey, pathId(params, "deliveryId")),
  { mutating: true },
);

export const { GET, PATCH, PUT, DELETE } = otherMethods("POST");

import { otherMethods, pathId, proxyRoute } from "@/lib/server/route";
import { webhooks } from "@/lib/server/webhooks";

export const POST = proxyRoute(
  ({ params, caller }) => webhooks.replayDelivery(caller, pathId(params, "deliveryId")),
  { mutating: true },
);

export const { GET, PATCH, PUT, DELETE } = otherMethods("POST");

import { deliveryListQuerySchema } from "@/lib/closient";
import { otherMethods, proxyRoute, readQuery } from "@/lib/server/route";
import { webhooks } from "@/lib/server/webhooks";

export const GET = proxyRoute(({ request, caller }) =>
  webhooks.listDeliveries(caller, readQuery(request, deliveryListQuerySchema)),
);

export const { POST, PATCH, PUT, DELETE } = otherMethods("GET");

import { deliveryListQuerySchema } from "@/lib/closient";
import { proxyRoute, readQuery } from "@/lib/server/route";
import { webhooks } from "@/lib/server/webhooks";

export const GET = proxyRoute(({ request, apiKey }) =>
  webhooks.listDeliveries(apiKey, readQuery(request, deliveryListQuerySchema)),
);

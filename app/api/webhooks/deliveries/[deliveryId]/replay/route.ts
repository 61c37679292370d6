import { otherMethods, pathId, proxyRoute } from "@/lib/server/route";
import { recorded } from "@/lib/server/recorded";

/** Upstream's shape; the portal's pages also say which endpoint and which bulk replay (the log's). */
export const POST = proxyRoute(
  ({ request, params, ...input }) =>
    recorded.replayDelivery(
      input,
      pathId(params, "deliveryId"),
      request.headers.get("x-portal-endpoint-id"),
      /^[A-Za-z0-9-]{1,64}$/.exec(request.headers.get("x-portal-bulk-replay") ?? "")?.[0] ?? null,
    ),
  { mutating: true, needs: "deliveries.replay" },
);

export const { GET, PATCH, PUT, DELETE } = otherMethods("POST");

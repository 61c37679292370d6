import { otherMethods, pathId, proxyRoute } from "@/lib/server/route";
import { webhooks } from "@/lib/server/webhooks";

export const POST = proxyRoute(
  ({ params, apiKey }) => webhooks.testEndpoint(apiKey, pathId(params, "endpointId")),
  { mutating: true },
);

export const { GET, PATCH, PUT, DELETE } = otherMethods("POST");

import { endpointWriteSchemas } from "@/lib/closient";
import { env } from "@/lib/server/env";
import { otherMethods, pathId, proxyRoute, readBody } from "@/lib/server/route";
import { webhooks } from "@/lib/server/webhooks";

export const GET = proxyRoute(({ params, apiKey }) =>
  webhooks.getEndpoint(apiKey, pathId(params, "endpointId")),
);

export const PATCH = proxyRoute(
  async ({ request, params, apiKey }) => {
    const id = pathId(params, "endpointId");
    const { update } = endpointWriteSchemas({ allowHttp: env().isSandbox });
    return webhooks.updateEndpoint(apiKey, id, await readBody(request, update));
  },
  { mutating: true },
);

export const { POST, PUT, DELETE } = otherMethods("GET", "PATCH");

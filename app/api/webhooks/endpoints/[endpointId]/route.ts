import { endpointWriteSchemas } from "@/lib/closient";
import { endpointPatchNeeds } from "@/lib/server/access/needs";
import { env } from "@/lib/server/env";
import { otherMethods, pathId, proxyRoute, readBody } from "@/lib/server/route";
import { recorded } from "@/lib/server/recorded";
import { webhooks } from "@/lib/server/webhooks";

export const GET = proxyRoute(({ params, caller }) =>
  webhooks.getEndpoint(caller, pathId(params, "endpointId")),
);

export const PATCH = proxyRoute(
  async ({ request, params, ...input }) => {
    const id = pathId(params, "endpointId");
    const { update } = endpointWriteSchemas({ allowHttp: env().isSandbox });
    return recorded.updateEndpoint(input, id, await readBody(request, update));
  },
  { mutating: true, needs: endpointPatchNeeds },
);

export const { POST, PUT, DELETE } = otherMethods("GET", "PATCH");

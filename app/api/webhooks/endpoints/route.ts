import { endpointListQuerySchema, endpointWriteSchemas } from "@/lib/closient";
import { env } from "@/lib/server/env";
import { otherMethods, proxyRoute, readBody, readQuery } from "@/lib/server/route";
import { recorded } from "@/lib/server/recorded";
import { webhooks } from "@/lib/server/webhooks";

export const GET = proxyRoute(({ request, caller }) =>
  webhooks.listEndpoints(caller, readQuery(request, endpointListQuerySchema)),
);

/** Answers with the full signing secret, the only time besides a rotation; never cached. */
export const POST = proxyRoute(
  async ({ request, ...input }) => {
    const { create } = endpointWriteSchemas({ allowHttp: env().isSandbox });
    return recorded.createEndpoint(input, await readBody(request, create));
  },
  { mutating: true, needs: "endpoints.manage" },
);

export const { PATCH, PUT, DELETE } = otherMethods("GET", "POST");

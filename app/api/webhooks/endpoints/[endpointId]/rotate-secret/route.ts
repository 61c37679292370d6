import { otherMethods, pathId, proxyRoute } from "@/lib/server/route";
import { webhooks } from "@/lib/server/webhooks";

/** Answers with the new full signing secret; never cached. */
export const POST = proxyRoute(
  ({ params, caller }) => webhooks.rotateSecret(caller, pathId(params, "endpointId")),
  { mutating: true },
);

export const { GET, PATCH, PUT, DELETE } = otherMethods("POST");

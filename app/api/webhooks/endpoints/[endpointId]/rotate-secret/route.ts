import { otherMethods, pathId, proxyRoute } from "@/lib/server/route";
import { recorded } from "@/lib/server/recorded";

/** Answers with the new full signing secret; never cached. */
export const POST = proxyRoute(
  ({ params, ...input }) => recorded.rotateSecret(input, pathId(params, "endpointId")),
  { mutating: true, needs: "secrets.rotate" },
);

export const { GET, PATCH, PUT, DELETE } = otherMethods("POST");

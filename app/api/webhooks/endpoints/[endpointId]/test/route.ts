import { otherMethods, pathId, proxyRoute } from "@/lib/server/route";
import { recorded } from "@/lib/server/recorded";

export const POST = proxyRoute(
  ({ params, ...input }) => recorded.testEndpoint(input, pathId(params, "endpointId")),
  { mutating: true, needs: "endpoints.test" },
);

export const { GET, PATCH, PUT, DELETE } = otherMethods("POST");

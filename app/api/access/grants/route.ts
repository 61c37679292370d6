import { listGrants } from "@/lib/server/access/grants";
import { otherMethods, proxyRoute } from "@/lib/server/route";

/** Every grant of the organization, newest first: who, role, made by, last used, expires, status. */
export const GET = proxyRoute(
  async ({ activity }) => ({ data: { data: await listGrants(activity.orgId) } }),
  {
    needs: "access.manage",
  },
);

export const { POST, PATCH, PUT, DELETE } = otherMethods("GET");

import { ClosientError } from "@/lib/closient";
import { revokeGrant } from "@/lib/server/access/grants";
import { otherMethods, proxyRoute } from "@/lib/server/route";

/** Revokes a grant: its sessions end on their next request, on every instance. */
export const DELETE = proxyRoute(
  async ({ params, activity }) => {
    const id = params.grantId ?? "";
    if (!/^grt_[A-Za-z0-9_-]{12}$/.test(id))
      throw new ClosientError(404, "NOT_FOUND", "The requested resource was not found.");
    return { data: await revokeGrant(activity, id) };
  },
  { mutating: true, needs: "access.manage" },
);

export const { GET, POST, PATCH, PUT } = otherMethods("DELETE");

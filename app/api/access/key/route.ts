import { watchingSchema } from "@/lib/alerts/settings";
import { eraseOrgKey, storeKeyForLinks } from "@/lib/server/access/key";
import { otherMethods, proxyRoute, readBody } from "@/lib/server/route";

/** Stores the organization's key for the links: `{}` the session's own, `{"api_key": …}` another. */
export const PUT = proxyRoute(
  async ({ request, caller, activity }) => {
    const { api_key } = await readBody(request, watchingSchema.omit({ keep_key: true }));
    return {
      data: await storeKeyForLinks(caller, activity, api_key ?? caller.apiKey, api_key === undefined),
    };
  },
  { mutating: true, needs: "access.manage" },
);

/** Erases the stored key: every link is revoked and watching stops. */
export const DELETE = proxyRoute(async ({ activity }) => ({ data: await eraseOrgKey(activity) }), {
  mutating: true,
  needs: "access.manage",
});

export const { GET, POST, PATCH } = otherMethods("PUT", "DELETE");

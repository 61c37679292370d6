import { linkSchema } from "@/lib/access/links";
import { createLink, mailLink } from "@/lib/server/access/grants";
import { otherMethods, proxyRoute, readBody } from "@/lib/server/route";
import { storedKey } from "@/lib/server/org-key";

/**
 * Makes an access link: `{"name", "role": "viewer"|"on_call", "expires_in_hours", "email"?}`.
 * Its `url` is in this answer only (never cached); with `"email": true` it is also mailed to `name`.
 */
export const POST = proxyRoute(
  async ({ request, activity }) => {
    const input = await readBody(request, linkSchema);
    const made = await createLink(activity, input);
    let mailed = false;
    if (input.email) {
      const key = await storedKey(activity.orgId);
      mailed = await mailLink(
        input.name,
        made.url,
        key?.org_name ?? "your organization",
        input.role,
        made.grant.expires_at,
        activity.actor.name,
      ).catch(() => false);
    }
    return { data: { ...made.grant, url: made.url, mailed }, status: 201 };
  },
  { mutating: true, needs: "access.manage" },
);

export const { GET, PATCH, PUT, DELETE } = otherMethods("POST");

import { ruleSchema } from "@/lib/alerts/settings";
import { setRule } from "@/lib/server/alerts/settings";
import { otherMethods, proxyRoute, readBody } from "@/lib/server/route";

/** `{"failing_after": 3, "remind_every_hours": null}`. */
export const PUT = proxyRoute(
  async ({ request, activity }) => ({ data: await setRule(activity, await readBody(request, ruleSchema)) }),
  { mutating: true, needs: "alerts.manage" },
);

export const { GET, POST, PATCH, DELETE } = otherMethods("PUT");

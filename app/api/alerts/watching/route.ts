import { watchingSchema } from "@/lib/alerts/settings";
import { startWatching, stopWatching } from "@/lib/server/alerts/settings";
import { otherMethods, proxyRoute, readBody } from "@/lib/server/route";

/**
 * `{}` watches with the session's own key; `{"api_key": …}` with another key of the organization;
 * `{"keep_key": true}` with the key already stored (for the access links).
 */
export const PUT = proxyRoute(
  async ({ request, caller, activity }) => {
    const { api_key, keep_key } = await readBody(request, watchingSchema);
    return {
      data: await startWatching(caller, activity, api_key ?? caller.apiKey, {
        ownKey: api_key === undefined,
        keepKey: keep_key === true && api_key === undefined,
      }),
    };
  },
  { mutating: true, needs: "alerts.manage" },
);

/** Stops watching and erases the stored key. */
export const DELETE = proxyRoute(async ({ activity }) => ({ data: await stopWatching(activity) }), {
  mutating: true,
  needs: "alerts.manage",
});

export const { GET, POST, PATCH } = otherMethods("PUT", "DELETE");

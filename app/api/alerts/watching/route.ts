import { watchingSchema } from "@/lib/alerts/settings";
import { startWatching, stopWatching } from "@/lib/server/alerts/settings";
import { otherMethods, proxyRoute, readBody } from "@/lib/server/route";

/** `{}` watches with the session's own key; `{"api_key": …}` with another key of the organization. */
export const PUT = proxyRoute(
  async ({ request, caller, activity }) => {
    const { api_key } = await readBody(request, watchingSchema);
    return { data: await startWatching(caller, activity, api_key ?? caller.apiKey, api_key === undefined) };
  },
  { mutating: true },
);

/** Stops watching and erases the stored key. */
export const DELETE = proxyRoute(async ({ activity }) => ({ data: await stopWatching(activity) }), {
  mutating: true,
});

export const { GET, POST, PATCH } = otherMethods("PUT", "DELETE");

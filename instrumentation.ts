import type { Instrumentation } from "next";

/** At start, in the Node runtime: open the store (its migrations run now), its background work, and the alerts' (the watcher and the outbox). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startStoreWork } = await import("@/lib/server/portal-store");
  startStoreWork();
  const { startAlertWork, stopAlertWork } = await import("@/lib/server/alerts/work");
  startAlertWork();
  process.once("SIGTERM", () => void stopAlertWork());
}

/**
 * A render or route that throws: one log line that ties the digest the admin sees ("Reference:
 * …" on the error page) to the request's id. The error's name and message only, never its stack.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("@/lib/server/log");
  const id = request.headers["x-request-id"];
  log.error(
    {
      request_id: typeof id === "string" ? id : null,
      digest: (error as { digest?: unknown }).digest ?? null,
      route: context.routePath,
      kind: context.routeType,
      error: error instanceof Error ? `${error.name}: ${error.message}` : "thrown value",
    },
    "request failed inside Next",
  );
};

import "server-only";
import { dehydrate, type QueryKey } from "@tanstack/react-query";
import { notFound, redirect } from "next/navigation";
import { ClosientError } from "@/lib/closient";
import { getQueryClient } from "@/lib/query-client";
import { currentSession } from "./session";

/**
 * Server pages fetch through the same service the API routes use (never through our own HTTP),
 * under the same query key the client reads, and hand the result over as dehydrated state.
 * An upstream 404 is the not-found page; a refused key sends the admin to sign in again.
 * Other failures are not thrown: the client shows them with a retry.
 */
export async function prefetch(
  entries: { queryKey: QueryKey; fetch: (apiKey: string) => Promise<{ data: unknown }> }[],
) {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const queryClient = getQueryClient();
  for (const entry of entries) {
    try {
      const { data } = await entry.fetch(session.apiKey);
      queryClient.setQueryData(entry.queryKey, data);
    } catch (error) {
      if (error instanceof ClosientError && error.status === 404) notFound();
      if (error instanceof ClosientError && error.status === 401) redirect("/sign-in?reason=expired");
    }
  }
  return { state: dehydrate(queryClient), session: session.info };
}

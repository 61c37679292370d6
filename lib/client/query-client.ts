import { isServer, MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ClosientError } from "@/lib/closient/closient-error";
import { signInHref } from "@/lib/session/return-path";

/** An expired or revoked session sends the admin back to sign in, from wherever it surfaced. */
function onError(error: unknown) {
  if (!isServer && error instanceof ClosientError && error.status === 401) {
    // A full load, outside React: it drops every cached answer of the ended session.
    window.location.assign(signInHref(`${location.pathname}${location.search}`, "expired"));
  }
}

function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({
      // Sign-in mutations answer 401 for a refused key: that is their own message to show.
      onError: (error, _variables, _context, mutation) => {
        if (!mutation.meta?.signIn) onError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // 4xx answers will not change on a retry; network and 5xx failures may.
        retry: (count, error) =>
          count < 2 && !(error instanceof ClosientError && error.status >= 400 && error.status < 500),
      },
      dehydrate: { shouldDehydrateQuery: () => true },
    },
  });
}

let browserClient: QueryClient | undefined;

/** On the server a new client per request; in the browser one for the page's life. */
export function getQueryClient() {
  if (isServer) return makeQueryClient();
  return (browserClient ??= makeQueryClient());
}

import { isServer, MutationCache, QueryClient } from "@tanstack/react-query";
import { ClosientError } from "@/lib/closient/closient-error";
import { signInHref } from "@/lib/sign-in/return-path";

/*
 * The browser changes data only through mutations (lib/client/*-mutations.ts); pages read on the
 * server. So the client holds a mutation cache and nothing else: no query is made, none is kept.
 */

/** The answer that means the session ended: expired, signed out elsewhere, or its key revoked. */
function isSessionEnded(error: unknown): error is ClosientError {
  return error instanceof ClosientError && error.status === 401;
}

/** For a task that stopped on an error it kept: a 401 fails the mutation, so it leads to sign-in. */
export function throwIfSessionEnded(error: unknown) {
  if (isSessionEnded(error)) throw error;
}

/** An ended session sends the admin to sign in, and back to this page after. */
function toSignIn() {
  // A full load, outside React: nothing of the ended session stays in memory.
  window.location.assign(signInHref(`${location.pathname}${location.search}`, "expired"));
}

function makeQueryClient() {
  return new QueryClient({
    mutationCache: new MutationCache({
      // Sign-in mutations answer 401 for a refused key: that is their own message to show.
      onError: (error, _variables, _context, mutation) => {
        if (!isServer && isSessionEnded(error) && !mutation.meta?.signIn) toSignIn();
      },
    }),
  });
}

let browserClient: QueryClient | undefined;

/** On the server a new client per request; in the browser one for the page's life. */
export function getQueryClient() {
  if (isServer) return makeQueryClient();
  return (browserClient ??= makeQueryClient());
}

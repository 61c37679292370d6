import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api } from "@/lib/client/api-client";

/*
 * Signing in and out, each a mutation. The sign-in ones are marked `meta.signIn`: their 401 means
 * a refused key, which the form says itself, not an ended session to send to sign-in.
 */

/** Once signed in, the page the admin came for (a same-origin path, checked by the page). */
function useEnter(next: string) {
  const router = useRouter();
  return () => {
    router.replace(next);
    router.refresh();
  };
}

export function useSignIn(next: string) {
  return useMutation({
    mutationFn: (apiKey: string) => api.signIn(apiKey),
    meta: { signIn: true },
    onSuccess: useEnter(next),
  });
}

export function useSandboxSignIn(next: string) {
  return useMutation({
    mutationFn: api.signInSandbox,
    meta: { signIn: true },
    onSuccess: useEnter(next),
  });
}

/** Ends the session; `leave` also goes to the sign-in page, with nothing of the session kept. */
export function useSignOut({ leave }: { leave: boolean }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: api.signOut,
    meta: { signIn: true },
    onSuccess: () => {
      if (!leave) return;
      queryClient.clear();
      router.replace("/sign-in");
      router.refresh();
    },
  });
}

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { api } from "@/lib/client/api-client";

/*
 * What the browser does to deliveries, each a mutation: the mutation cache sends the admin to
 * sign-in (and back) on a 401 wherever it surfaces (lib/client/query-client.ts). One replay is
 * here; the long tasks, which their panels load when first opened, are in bulk-replay-mutations.ts
 * and export-mutation.ts, so a page with a Replay button does not carry them.
 */

/** Renders the server's view again without blocking the page's input. */
export function useRefresh() {
  const router = useRouter();
  const [, startTransition] = useTransition();
  return () => startTransition(() => router.refresh());
}

/** One dead letter sent again; the log is rendered again with the new delivery. */
export function useReplayDelivery(deliveryId: string, endpointId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api.replayDelivery(deliveryId, { endpointId }),
    onSuccess: refresh,
  });
}

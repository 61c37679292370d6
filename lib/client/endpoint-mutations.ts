import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api } from "@/lib/client/api-client";
import type { Endpoint, EndpointCreateInput, EndpointUpdateInput } from "@/lib/closient";
import { maskSecret } from "@/lib/closient/secret";

/*
 * Endpoints are rendered on the server (the list and each endpoint's page read them from
 * lib/server/webhooks.ts). The browser only changes them: each mutation goes through the
 * portal's route, then `router.refresh()` renders the server's view again, so nothing on screen
 * is older than the change. No endpoint is cached in the browser.
 */

/**
 * Hands the full secret of a create or rotate answer to `onSecret` (the reveal dialog's state)
 * and keeps only the masked endpoint as the mutation's result: the secret enters no cache.
 */
function revealOnce(endpoint: Endpoint, onSecret: (secret: string) => void): Endpoint {
  onSecret(endpoint.signing_secret);
  return { ...endpoint, signing_secret: maskSecret(endpoint.signing_secret) };
}

export function useCreateEndpoint(onSecret: (secret: string) => void) {
  return useMutation({
    mutationFn: async (body: EndpointCreateInput) => revealOnce(await api.createEndpoint(body), onSecret),
  });
}

export function useRotateSecret(id: string, onSecret: (secret: string) => void) {
  const router = useRouter();
  return useMutation({
    mutationFn: async () => revealOnce(await api.rotateSecret(id), onSecret),
    onSuccess: () => router.refresh(),
  });
}

export function useUpdateEndpoint(id: string) {
  const router = useRouter();
  return useMutation({
    mutationFn: (body: EndpointUpdateInput) => api.updateEndpoint(id, body),
    onSuccess: () => router.refresh(),
  });
}

/** Pause or resume. The caller shows the new state at once and goes back to the old on failure. */
export function useSetActive(id: string) {
  const router = useRouter();
  return useMutation({
    mutationFn: (isActive: boolean) => api.updateEndpoint(id, { is_active: isActive }),
    onSettled: () => router.refresh(),
  });
}

export function useTestEndpoint(id: string) {
  return useMutation({ mutationFn: () => api.testEndpoint(id) });
}

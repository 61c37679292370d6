import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api } from "@/lib/client/api-client";
import type { ChannelInput, RuleInput } from "@/lib/alerts/settings";

/*
 * The alerts page is rendered on the server; each change goes through the portal's route, then
 * `router.refresh()` renders the server's view again. A webhook channel's signing secret goes to
 * `onSecret` (the reveal dialog's state) and never into the mutation's result or a cache.
 */

export function useRefreshed<T, V>(mutationFn: (variables: V) => Promise<T>) {
  const router = useRouter();
  return useMutation({ mutationFn, onSuccess: () => router.refresh() });
}

export const useStartWatching = () =>
  useRefreshed((how: { apiKey?: string; keepKey?: boolean }) => api.startWatching(how));
export const useStopWatching = () => useRefreshed(() => api.stopWatching());
export const useSetAlertRule = () => useRefreshed((rule: RuleInput) => api.setAlertRule(rule));
export const useRemoveChannel = () => useRefreshed((id: string) => api.removeChannel(id));
export const useTestChannel = () => useRefreshed((id: string) => api.testChannel(id));

export function useAddChannel(onSecret: (secret: string) => void) {
  return useRefreshed(async (body: ChannelInput) => {
    const { signing_secret, ...channel } = await api.addChannel(body);
    if (signing_secret) onSecret(signing_secret);
    return channel;
  });
}

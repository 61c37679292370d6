import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api } from "@/lib/client/api-client";
import type { LinkInput } from "@/lib/access/links";
import { useRefreshed } from "./alert-mutations";

/*
 * The access page's changes, each through its route and then the server's view again. A new
 * link's URL goes to `onLink` (the one-time dialog's state) and never into a cache.
 */

export const useStoreKey = () => useRefreshed((apiKey: string | undefined) => api.storeKey(apiKey));
export const useEraseKey = () => useRefreshed(() => api.eraseKey());
export const useRevokeGrant = () => useRefreshed((id: string) => api.revokeGrant(id));

export function useCreateLink(onLink: (url: string, mailed: boolean) => void) {
  return useRefreshed(async (body: LinkInput) => {
    const { url, mailed, ...grant } = await api.createLink(body);
    onLink(url, mailed);
    return grant;
  });
}

/** Opens a link's token; on success the holder lands on the endpoints. */
export function useRedeemLink() {
  const router = useRouter();
  return useMutation({
    mutationFn: (token: string) => api.redeemLink(token),
    meta: { signIn: true },
    onSuccess: () => {
      router.replace("/webhooks");
      router.refresh();
    },
  });
}

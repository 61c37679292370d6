"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useSyncExternalStore, type ReactNode } from "react";
import { getQueryClient } from "@/lib/client/query-client";
import { subscribeToToasts, toastsWanted } from "@/lib/client/notify";

const ToasterHost = dynamic(() => import("@/components/ui/toaster-host"), { ssr: false });

/** sonner's Toaster, mounted (and downloaded) when the first toast is shown. */
function LazyToaster() {
  const wanted = useSyncExternalStore(subscribeToToasts, toastsWanted, () => false);
  return wanted ? <ToasterHost /> : null;
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      {children}
      <LazyToaster />
    </QueryClientProvider>
  );
}

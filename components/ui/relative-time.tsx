"use client";

import { useSyncExternalStore } from "react";
import { formatExact, formatRelative } from "@/lib/format-time";

export { formatExact, formatRelative };

const TICK_MS = 30_000;

/** The current time, moving every 30 s; null while rendering on the server. */
function useNow(): number | null {
  return useSyncExternalStore(
    (onChange) => {
      const timer = setInterval(onChange, TICK_MS);
      return () => clearInterval(timer);
    },
    () => Math.floor(Date.now() / TICK_MS) * TICK_MS,
    () => null,
  );
}

/** "3 minutes ago", with the exact time on hover and for assistive technology. */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatExact(iso)}>
      {now === null ? formatExact(iso) : formatRelative(iso, Math.max(now, Date.parse(iso)))}
    </time>
  );
}

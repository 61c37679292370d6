"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Switch } from "@/components/ui/switch";

/**
 * Renders the log again every few seconds while the tab is visible, so `pending` can be seen
 * turning into `delivered`. It holds while the pointer or the keyboard focus is on the list, so
 * rows do not move under a click, and it can be switched off.
 */
export function AutoRefresh({ listId, everyMs = 5_000 }: { listId: string; everyMs?: number }) {
  const router = useRouter();
  const [on, setOn] = useState(true);
  const [held, setHeld] = useState(false);
  const [, startTransition] = useTransition();

  useEffect(() => {
    const list = document.getElementById(listId);
    if (!list) return;
    const hold = () => setHeld(true);
    const release = (event: Event) => {
      const next = (event as FocusEvent).relatedTarget as Node | null;
      if (event.type === "focusout" && next && list.contains(next)) return;
      if (event.type === "pointerleave" && list.contains(document.activeElement)) return;
      setHeld(false);
    };
    list.addEventListener("pointerenter", hold);
    list.addEventListener("pointerleave", release);
    list.addEventListener("focusin", hold);
    list.addEventListener("focusout", release);
    return () => {
      list.removeEventListener("pointerenter", hold);
      list.removeEventListener("pointerleave", release);
      list.removeEventListener("focusin", hold);
      list.removeEventListener("focusout", release);
    };
  }, [listId]);

  useEffect(() => {
    if (!on || held) return;
    const refresh = () => {
      if (document.visibilityState === "visible") startTransition(() => router.refresh());
    };
    const timer = setInterval(refresh, everyMs);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [on, held, everyMs, router]);

  return (
    <div className="flex items-center gap-2 text-sm text-slate-700">
      <Switch checked={on} onCheckedChange={setOn} label="Auto-refresh" />
      <span aria-live="polite">
        Auto-refresh {on ? (held ? "held while you are on the list" : `every ${everyMs / 1000} s`) : "off"}
      </span>
    </div>
  );
}

"use client";

/**
 * Toasts, downloaded when the first one is shown: sonner is part of no page's first load.
 * The providers mount `ToasterHost` once something is said; it hands over sonner's `toast`
 * when its Toaster listens, and what was said meanwhile is shown then.
 */
type Kind = "success" | "error";
type Toast = Record<Kind, (message: string) => unknown>;

let toast: Toast | null = null;
let wanted = false;
const pending: [Kind, string][] = [];
const listeners = new Set<() => void>();

export function subscribeToToasts(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function toastsWanted() {
  return wanted;
}

const LIVE_REGION_SETTLE_MS = 150;

/**
 * Called by ToasterHost once its Toaster is mounted. What was said before is shown a moment
 * later, once screen readers have taken in the Toaster's live region: text that arrives together
 * with its live region is often not announced.
 */
export function toasterReady(ready: Toast) {
  setTimeout(() => {
    toast = ready;
    for (const [kind, message] of pending.splice(0)) ready[kind](message);
  }, LIVE_REGION_SETTLE_MS);
}

function say(kind: Kind, message: string) {
  if (toast) {
    toast[kind](message);
    return;
  }
  pending.push([kind, message]);
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
}

export const notify = {
  success: (message: string) => say("success", message),
  error: (message: string) => say("error", message),
};

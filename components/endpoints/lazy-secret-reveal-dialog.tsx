"use client";

import dynamic from "next/dynamic";

/**
 * The one-time reveal, downloaded when a secret first needs showing. The secret stays in the
 * caller's state while the code arrives; nothing else holds it.
 */
export const LazySecretRevealDialog = dynamic(
  () => import("./secret-reveal-dialog").then((m) => m.SecretRevealDialog),
  { ssr: false },
);

/** Starts the download ahead of need (when a create or rotate is sent). */
export function preloadSecretRevealDialog() {
  void import("./secret-reveal-dialog");
}

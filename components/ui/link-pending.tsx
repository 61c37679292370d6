"use client";

import { useLinkStatus } from "next/link";

/**
 * Inside a `Link`: a pulsing dot while the page it opens is on its way. Pages have no loading
 * skeletons (the content is in the first paint instead), so this is what says a click was taken.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden
      className={`ml-1.5 inline-block h-1.5 w-1.5 rounded-full bg-indigo-600 align-middle ${pending ? "animate-pulse" : "invisible"}`}
    />
  );
}

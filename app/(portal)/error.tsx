"use client";

import { ErrorState } from "@/components/ui/misc";

export default function PortalError({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <ErrorState
      message={
        process.env.NODE_ENV === "development"
          ? error.message
          : "This page could not be loaded. Closient may be unreachable for a moment."
      }
      onRetry={reset}
    />
  );
}

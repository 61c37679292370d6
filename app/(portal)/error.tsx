"use client";

import { ErrorState } from "@/components/ui/states";

/** The digest is what the server logged this failure under (instrumentation.ts). */
export default function PortalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <ErrorState
      message={
        process.env.NODE_ENV === "development"
          ? error.message
          : // The words withReference writes, without bringing the error module into every page.
            `This page could not be loaded. Closient may be unreachable for a moment.${error.digest ? ` Reference: ${error.digest}` : ""}`
      }
      onRetry={reset}
    />
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

/** "Try again" for a server-rendered view: renders it again on the server, keeping the URL. */
export function RefreshButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => startTransition(() => router.refresh())}
      className="mt-2 min-h-6 font-medium underline"
    >
      {pending ? "Trying again…" : "Try again"}
    </button>
  );
}

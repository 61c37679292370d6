"use client";

import { useState } from "react";

/** Copies `value`; says "Copied" only once the clipboard took it, and announces it. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        aria-label={`Copy ${label}`}
        onClick={() => {
          navigator.clipboard.writeText(value).then(
            () => setState("copied"),
            () => setState("failed"),
          );
        }}
        className="inline-flex min-h-6 min-w-6 items-center rounded border border-slate-300 px-2 text-xs text-slate-700 hover:bg-slate-50"
      >
        Copy
      </button>
      <span aria-live="polite" className="text-xs text-slate-600">
        {state === "copied" ? "Copied" : state === "failed" ? "Select the text to copy it" : ""}
      </span>
    </span>
  );
}

import type { ReactNode } from "react";
import { cn } from "@/lib/utils";
import { Button } from "./button";

/**
 * A task's panel on a page (the bulk replay, the export): a region named by its heading, whose
 * changing content is announced as it changes.
 */
export function TaskPanel({
  id,
  title,
  className,
  children,
}: {
  /** Names the heading `${id}-heading`. */
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={cn(
        "bg-surface max-w-xl space-y-3 rounded-lg border border-slate-200 p-4 text-sm",
        className,
      )}
    >
      <h2 id={`${id}-heading`} className="text-base font-semibold">
        {title}
      </h2>
      <div aria-live="polite" className="space-y-3">
        {children}
      </div>
    </section>
  );
}

/** A paced task under way: how far it is, whether it waits for the rate limit, and Cancel. */
export function TaskProgress({
  label,
  done,
  total,
  waitingSeconds,
  onCancel,
}: {
  /** "Replayed 3 of 10". */
  label: string;
  done: number;
  total: number;
  waitingSeconds: number | null;
  onCancel: () => void;
}) {
  return (
    <>
      <label className="block">
        <span className="block">
          {label}
          {waitingSeconds !== null ? ` · waiting ${waitingSeconds} s for Closient's rate limit` : ""}
        </span>
        <progress className="mt-1 h-3 w-full" value={done} max={Math.max(1, total)} />
      </label>
      <Button primary variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </>
  );
}

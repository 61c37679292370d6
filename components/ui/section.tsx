import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A bordered card of a page, named by its heading for assistive technology. */
export function Section({
  id,
  title,
  hideTitle = false,
  className,
  children,
}: {
  /** Names the heading `${id}-heading`. */
  id: string;
  title: ReactNode;
  /** The heading is read out but not shown. */
  hideTitle?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={cn("bg-surface rounded-lg border border-slate-200 p-4 sm:p-6", className)}
    >
      <h2 id={`${id}-heading`} className={hideTitle ? "sr-only" : "text-base font-semibold"}>
        {title}
      </h2>
      {children}
    </section>
  );
}

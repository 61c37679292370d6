import Link from "next/link";
import { cn } from "@/lib/utils";

const button =
  "inline-flex min-h-9 items-center rounded-md border border-slate-300 bg-surface px-3 text-sm font-medium text-slate-800 hover:bg-slate-50";

/** Previous and next as links: each page has its own URL, and no script is needed to turn it. */
export function Pager({
  page,
  totalPages,
  total,
  href,
}: {
  page: number;
  totalPages: number;
  total: number;
  /** The URL of page `n` with the current filters. */
  href: (page: number) => string;
}) {
  return (
    <nav
      aria-label="Pagination"
      className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600"
    >
      <span>
        {total} in all · page {page} of {Math.max(totalPages, 1)}
      </span>
      <span className="flex gap-2">
        <PageLink href={page > 1 ? href(page - 1) : null} label="Previous" />
        <PageLink href={page < totalPages ? href(page + 1) : null} label="Next" />
      </span>
    </nav>
  );
}

function PageLink({ href, label }: { href: string | null; label: string }) {
  return href ? (
    <Link href={href} prefetch={false} className={button}>
      {label}
    </Link>
  ) : (
    <span aria-disabled="true" className={cn(button, "cursor-not-allowed opacity-50")}>
      {label}
    </span>
  );
}

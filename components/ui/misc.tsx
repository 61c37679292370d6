import Link from "next/link";
import type { ReactNode } from "react";

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="bg-surface rounded-lg border border-dashed border-slate-300 px-6 py-12 text-center">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children ? <div className="mt-2 space-y-4 text-sm text-slate-600">{children}</div> : null}
    </div>
  );
}

/**
 * A failure with what to do about it: the message, and a retry that loses nothing (`onRetry` in
 * client components; `action`, e.g. a RefreshButton, where the page is rendered on the server).
 */
export function ErrorState({
  message,
  onRetry,
  action,
}: {
  message: string;
  onRetry?: () => void;
  action?: ReactNode;
}) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry} className="mt-2 min-h-6 font-medium underline">
          Try again
        </button>
      ) : null}
      {action}
    </div>
  );
}

/**
 * Rows that Closient sent but the portal could not read (no id, say): the others still show, and
 * the admin is told that some are missing. The server's log names them.
 */
export function UnreadableRows({ count }: { count: number | undefined }) {
  if (!count) return null;
  return (
    <p
      role="status"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      {count === 1
        ? "1 row that Closient sent could not be read and is not shown."
        : `${count} rows that Closient sent could not be read and are not shown.`}{" "}
      The others are complete.
    </p>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold break-all text-slate-900">{title}</h1>
        {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-3">{actions}</div> : null}
    </div>
  );
}

export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} prefetch={false} className="text-sm text-indigo-700 underline">
      ← {children}
    </Link>
  );
}

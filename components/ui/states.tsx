import type { ReactNode } from "react";

/** What a lazily loaded part shows while its code arrives. */
export function LoadingState({ children = "Loading…" }: { children?: ReactNode }) {
  return (
    <p role="status" className="text-sm text-slate-600">
      {children}
    </p>
  );
}

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

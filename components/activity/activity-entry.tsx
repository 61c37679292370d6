import Link from "next/link";
import { changeSummary, describe, OUTCOME_WORDS, type ActivityEntry } from "@/lib/activity/entry";
import { TimeAgo } from "@/components/ui/time-ago";
import { cn } from "@/lib/utils";

const OUTCOME_STYLE = {
  succeeded: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
  pending: "bg-slate-100 text-slate-800",
  unknown: "bg-amber-100 text-amber-900",
} as const;

/** One entry: who did what, when, how it ended, and what it changed on demand. */
export function ActivityEntryItem({ entry, now }: { entry: ActivityEntry; now: number }) {
  const lines = changeSummary(entry);
  const endpointId = entry.target?.kind === "endpoint" ? entry.target.id : null;
  return (
    <li className="space-y-1 py-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <p className="min-w-0 text-sm break-words text-slate-900">{describe(entry)}</p>
        <span className="flex shrink-0 items-center gap-2 text-xs text-slate-600">
          {entry.outcome === "succeeded" ? null : (
            <span className={cn("rounded-full px-2 py-0.5 font-medium", OUTCOME_STYLE[entry.outcome])}>
              {OUTCOME_WORDS[entry.outcome]}
              {entry.error_code ? `: ${entry.error_code}` : ""}
            </span>
          )}
          <TimeAgo iso={entry.at} now={now} />
        </span>
      </div>
      {lines.length || endpointId || entry.request_id ? (
        <details className="text-xs text-slate-700">
          <summary className="inline-flex min-h-6 cursor-pointer items-center text-indigo-700">
            {lines.length ? `What changed (${lines.length})` : "Details"}
          </summary>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 break-words">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="mt-1 text-slate-500">
            {endpointId ? (
              <Link href={`/webhooks/${endpointId}`} prefetch={false} className="text-indigo-700 underline">
                The endpoint
              </Link>
            ) : null}
            {endpointId && entry.request_id ? " · " : null}
            {entry.request_id ? <span className="font-mono">Request {entry.request_id}</span> : null}
          </p>
        </details>
      ) : null}
    </li>
  );
}

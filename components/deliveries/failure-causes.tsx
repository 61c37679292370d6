import Link from "next/link";
import { toSearchParams } from "@/lib/closient/paths";
import {
  adviceFor,
  failureCounts,
  type AdviceLink,
  type CauseGroup,
  type EndpointChange,
} from "@/lib/deliveries/diagnosis";
import { plural } from "@/lib/utils";
import { formatExact } from "@/lib/format-time";
import { TimeAgo } from "@/components/ui/time-ago";

/** The log, filtered to one cause's failures: its endpoint, its time span, its status when one. */
function causeLogHref(endpointId: string, group: CauseGroup): string {
  const statuses = Object.keys(group.statuses);
  const query = toSearchParams({
    endpoint_id: endpointId,
    status: statuses.length === 1 ? statuses[0] : undefined,
    created_after: group.firstSeen,
    created_before: group.lastSeen,
  });
  return `/deliveries?${query.toString()}`;
}

const LINKS: Record<AdviceLink, { label: string; href: (endpointId: string) => string }> = {
  verify: { label: "Verify a signature", href: (id) => `/verify?endpoint=${id}` },
  recipes: { label: "Receiver code that verifies", href: (id) => `/webhooks/${id}#verify-heading` },
  settings: { label: "The endpoint's settings", href: (id) => `/webhooks/${id}#settings-heading` },
};

const link = "inline-flex min-h-6 items-center text-sm font-medium text-indigo-700 underline max-sm:min-h-11";

/**
 * An endpoint's failures by cause: for each, how many and when, what it likely means, what to do
 * next, a sample answer as inert text, and the log filtered to it.
 */
export function FailureCauses({
  endpointId,
  endpoint,
  groups,
  now,
  limit,
  compact = false,
}: {
  endpointId: string;
  /** When it last changed, so a 401 that began after a rotation says so. */
  endpoint?: EndpointChange;
  groups: CauseGroup[];
  now: number;
  /** Show only the first few causes. */
  limit?: number;
  /** The cause at a glance: its title, counts and links (the endpoint's page has the rest). */
  compact?: boolean;
}) {
  return (
    <ul className="space-y-3" aria-label="Failures by cause">
      {groups.slice(0, limit).map((group) => {
        const advice = adviceFor(group, endpoint);
        return (
          <li
            key={group.cause.key}
            className="space-y-2 rounded-md border border-red-200 p-3 text-sm"
            data-cause={group.cause.status ?? "none"}
          >
            <h3 className="font-semibold text-red-900">{advice.title}</h3>
            <p className="text-xs text-slate-600">
              {plural(group.count, "failure")} ({failureCounts(group.statuses)}), first{" "}
              <TimeAgo iso={group.firstSeen} now={now} />, last <TimeAgo iso={group.lastSeen} now={now} />
            </p>
            {advice.after ? <p className="font-medium text-red-900">{advice.after}</p> : null}
            {compact ? null : <p>{advice.meaning}</p>}
            {advice.changedAt ? (
              <p className="text-xs text-slate-600">
                Last changed <TimeAgo iso={advice.changedAt} now={now} /> ({formatExact(advice.changedAt)});
                the first of these failures came <TimeAgo iso={group.firstSeen} now={now} />.
              </p>
            ) : null}
            {compact ? null : (
              <p>
                <span className="font-medium">Next: </span>
                {advice.next}
              </p>
            )}
            {group.sample.response_body && !compact ? (
              <details className="group">
                <summary className="inline-flex min-h-6 cursor-pointer items-center gap-1 text-xs text-slate-600">
                  {/* The summary is a flex box, which drops the browser's own disclosure triangle. */}
                  <span aria-hidden="true" className="transition-transform group-open:rotate-90">
                    ▸
                  </span>
                  A sample answer (HTTP {group.cause.status}, first 256 characters, as text)
                </summary>
                <pre className="mt-1 max-h-40 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs [overflow-wrap:anywhere] whitespace-pre-wrap">
                  {group.sample.response_body}
                </pre>
              </details>
            ) : null}
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              <Link href={causeLogHref(endpointId, group)} prefetch={false} className={link}>
                These failures in the log
              </Link>
              {advice.links.map((name) => (
                <Link key={name} href={LINKS[name].href(endpointId)} prefetch={false} className={link}>
                  {LINKS[name].label}
                </Link>
              ))}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

import Link from "next/link";
import type { Endpoint } from "@/lib/closient";
import { BulkReplayLauncher } from "@/components/deliveries/bulk-replay-launcher";
import { FailureCauses } from "@/components/deliveries/failure-causes";
import { Section } from "@/components/ui/section";
import { TimeAgo } from "@/components/ui/time-ago";
import { failureCounts, type FailingNow } from "@/lib/deliveries/diagnosis";
import { endpointName } from "@/lib/endpoints/names";
import { toggleFields } from "./endpoint-status";
import { PauseToggle } from "./pause-toggle";

/**
 * The top of the endpoint list during an outage: the endpoints failing now, worst first (the most
 * dead letters, then the longest failing), each with since when, its main cause and what to do,
 * Pause and Replay its dead letters. Nothing when none fails.
 */
export function FailingNowSummary({
  failing,
  endpoints,
  now,
}: {
  failing: FailingNow;
  /** The endpoints this page lists: their names, and their pause switch. */
  endpoints: Map<string, Endpoint>;
  now: number;
}) {
  if (!failing.endpoints.length) return null;
  const count = failing.endpoints.length + failing.more;
  return (
    <Section id="failing-now" title="Failing now" className="space-y-3 border-red-200">
      <p className="text-sm text-slate-600">
        {count === 1 ? "One endpoint's" : `${count} endpoints'`} newest deliveries fail, worst first.
        {failing.more ? ` The ${failing.endpoints.length} worst are shown.` : ""}
        {failing.read < failing.failuresTotal
          ? ` Read from the newest ${failing.read} of ${failing.failuresTotal} failures of the last 24 hours.`
          : ""}
      </p>
      <ul className="divide-y divide-slate-100" aria-label="Endpoints failing now">
        {failing.endpoints.map((entry) => {
          const endpoint = endpoints.get(entry.endpointId);
          return (
            <li key={entry.endpointId} className="space-y-3 py-3" data-failing={entry.endpointId}>
              <div className="space-y-1">
                <Link
                  href={`/webhooks/${entry.endpointId}`}
                  prefetch={false}
                  className="line-clamp-2 font-medium [overflow-wrap:anywhere] text-indigo-700 underline"
                >
                  {endpoint ? endpointName(endpoint) : `Endpoint ${entry.endpointId}`}
                </Link>
                <p className="text-sm">
                  <span className="font-medium text-red-800">
                    Failing since <TimeAgo iso={entry.failingSince} now={now} />
                  </span>
                  {" · "}
                  {entry.lastDelivered ? (
                    <>
                      last got through <TimeAgo iso={entry.lastDelivered} now={now} />
                    </>
                  ) : (
                    "nothing got through yet"
                  )}
                  {" · "}
                  {failureCounts(entry.counts)}
                </p>
              </div>
              <FailureCauses
                endpointId={entry.endpointId}
                endpoint={endpoint}
                groups={entry.groups}
                now={now}
                limit={1}
                compact
              />
              <div className="flex flex-wrap items-center gap-3">
                {endpoint ? <PauseToggle endpoint={toggleFields(endpoint)} /> : null}
                {entry.counts.dead_letter ? (
                  <BulkReplayLauncher
                    count={entry.counts.dead_letter}
                    filters={{ endpoint_id: entry.endpointId, created_after: failing.windowStart }}
                  />
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

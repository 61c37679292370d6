import type { ActivityEntry } from "@/lib/activity/entry";
import type { Endpoint } from "@/lib/closient";
import { BulkReplayLauncher } from "@/components/deliveries/bulk-replay-launcher";
import { FailureCauses } from "@/components/deliveries/failure-causes";
import { Section } from "@/components/ui/section";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatExact } from "@/lib/format-time";
import { failureCounts, type EndpointDiagnosis } from "@/lib/deliveries/diagnosis";

/**
 * The top of a failing endpoint's page: since when it fails, its day's failures by status, and
 * their causes with what to do, then Replay its dead letters (the bulk replay, scoped to this
 * endpoint and the day). Nothing when nothing failed today.
 */
export function WhyItFails({
  endpoint,
  diagnosis,
  changes = null,
  now,
}: {
  endpoint: Endpoint;
  diagnosis: EndpointDiagnosis;
  /** Its recorded changes, newest first: a failure that began right after one names it. */
  changes?: ActivityEntry[] | null;
  now: number;
}) {
  const recorded = (changes ?? []).map((c) => ({ at: c.at, action: c.action, actor: c.actor.name }));
  const { counts, failingSince, groups, read, failuresTotal, windowStart } = diagnosis;
  if (!groups.length) return null;
  return (
    <Section
      id="why"
      title={failingSince ? "Why it fails" : "Why it failed today"}
      className="space-y-3 border-red-200"
    >
      <p className="text-sm" data-testid="failing-summary">
        {failingSince ? (
          <>
            <span className="font-medium text-red-800">
              Failing since <TimeAgo iso={failingSince} now={now} />
            </span>{" "}
            ({formatExact(failingSince)}).{" "}
          </>
        ) : (
          "It is not failing now. "
        )}
        In the last 24 hours: {failureCounts(counts)}.
        {read < failuresTotal
          ? ` The causes below are from the newest ${read} of ${failuresTotal} failures.`
          : ""}
      </p>
      {counts.dead_letter ? (
        <BulkReplayLauncher
          count={counts.dead_letter}
          filters={{ endpoint_id: endpoint.id, created_after: windowStart }}
        />
      ) : null}
      <FailureCauses
        endpointId={endpoint.id}
        endpoint={{ ...endpoint, recorded }}
        groups={groups}
        now={now}
      />
    </Section>
  );
}

import Link from "next/link";
import type { AlertStates } from "@/lib/alerts/settings";
import { TimeAgo } from "@/components/ui/time-ago";

/** On the endpoint list: the team was told this endpoint is failing (a link to the alerts page). */
export function AlertedBadge({ alerts, endpointId }: { alerts: AlertStates | null; endpointId: string }) {
  if (alerts?.endpoints[endpointId]?.state !== "failing") return null;
  return (
    <Link
      href="/alerts"
      prefetch={false}
      title="The portal's watcher notified your team that this endpoint is failing"
      className="inline-flex min-h-6 items-center gap-1 rounded-full bg-amber-100 px-2 text-xs font-medium text-amber-900"
    >
      <span aria-hidden>🔔</span> Team alerted
    </Link>
  );
}

/** On an endpoint's page: what the watcher knows of it, in one line. */
export function AlertStateLine({
  alerts,
  endpointId,
  active,
  now,
}: {
  alerts: AlertStates | null;
  endpointId: string;
  active: boolean;
  now: number;
}) {
  const state = alerts?.endpoints[endpointId];
  let words;
  if (!alerts) words = <>Not watched: no one is told when this endpoint fails.</>;
  else if (alerts.keyRejected) words = <>Watching has stopped: Closient refused the key that watched.</>;
  else if (!active) words = <>Paused: paused endpoints are not alerted.</>;
  else if (state?.state === "failing")
    words = (
      <>
        Your team was notified <TimeAgo iso={state.notifiedAt} now={now} /> that this endpoint is failing; it
        will be told again when it recovers.
      </>
    );
  else if (state?.state === "recovered")
    words = (
      <>
        Recovered <TimeAgo iso={state.since} now={now} />; your team was told.
      </>
    );
  else words = <>Watched: your team is told when this endpoint starts failing.</>;
  return (
    <p className="text-sm text-slate-600" data-testid="alert-state">
      <span className="font-medium text-slate-800">Alerts:</span> {words}{" "}
      <Link href="/alerts" prefetch={false} className="text-indigo-700 underline">
        {alerts ? "Alert settings" : "Turn on alerts"}
      </Link>
    </p>
  );
}

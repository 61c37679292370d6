import Link from "next/link";
import { DELIVERY_STATUSES, type DeliveryStatus } from "@/lib/closient/delivery-constants";
import { answerLine } from "@/lib/deliveries/status-text";
import { STATUS_LABELS } from "@/lib/deliveries/status-labels";
import type { EndpointHealth } from "@/lib/deliveries/health";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { DeliveryActions, detailHref } from "@/components/deliveries/delivery-actions";
import { Section } from "@/components/ui/section";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatExact } from "@/lib/format-time";

const LABELS: Record<DeliveryStatus | "other", string> = { ...STATUS_LABELS, other: "Other" };
/** Palette steps, so the bars follow the theme (see globals.css). */
const FILL: Record<DeliveryStatus | "other", string> = {
  pending: "fill-slate-500",
  delivered: "fill-emerald-700",
  failed: "fill-red-700",
  rate_limited: "fill-amber-700",
  dead_letter: "fill-red-900",
  other: "fill-slate-400",
};

/**
 * The endpoint's state of delivery, first thing on its page: the last delivery that got through,
 * since when it has been failing, its latest failures with Replay, then its last 24 hours as a
 * small bar chart drawn on the server (an SVG, no script), each bar labelled in text.
 */
export function EndpointHealthPanel({
  endpointId,
  health: { counts, total, failures, lastDelivered, failingSince },
  now,
}: {
  endpointId: string;
  health: EndpointHealth;
  now: number;
}) {
  const max = Math.max(1, ...Object.values(counts));
  const row = 22;
  // "Other" only when Closient reported a status the portal does not know.
  const bars = counts.other > 0 ? [...DELIVERY_STATUSES, "other" as const] : DELIVERY_STATUSES;
  return (
    <Section id="health" title="Deliveries" className="space-y-4">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="endpoint-state">
        <div>
          <dt className="text-xs text-slate-600">Last delivery that got through</dt>
          <dd className="font-medium">
            {lastDelivered ? (
              <Link
                href={detailHref(lastDelivered)}
                prefetch={false}
                className="inline-flex min-h-6 items-center text-indigo-700 underline"
              >
                <TimeAgo iso={lastDelivered.created_at} now={now} />
              </Link>
            ) : (
              "None yet"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">Failing since</dt>
          <dd className={failingSince ? "font-medium text-red-800" : "font-medium"}>
            {failingSince ? (
              <>
                <TimeAgo iso={failingSince} now={now} />{" "}
                <span className="text-xs font-normal text-slate-600">({formatExact(failingSince)})</span>
              </>
            ) : (
              "Not failing"
            )}
          </dd>
        </div>
      </dl>
      {failures.length ? (
        <div>
          <h3 className="text-sm font-semibold">Latest failures</h3>
          <ul className="mt-1 divide-y divide-slate-100 text-sm" aria-label="Latest failures">
            {failures.map((delivery) => (
              <li key={delivery.id} className="space-y-2 py-3" data-delivery={delivery.id}>
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <DeliveryStatusBadge status={delivery.status} />
                  <code className="font-mono text-xs">{delivery.event_type}</code>
                  <span className="ml-auto text-xs text-slate-600">
                    <TimeAgo iso={delivery.created_at} now={now} />
                  </span>
                </div>
                <p className="truncate font-mono text-xs text-slate-600">{answerLine(delivery)}</p>
                <div className="flex gap-2">
                  <DeliveryActions delivery={delivery} />
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="text-sm text-slate-600">
        {total === 0 ? "None in the last 24 hours." : `${total} in the last 24 hours, by status:`}
      </p>
      {total > 0 ? (
        <svg
          role="img"
          aria-labelledby="health-chart-title"
          viewBox={`0 0 320 ${row * bars.length}`}
          className="w-full max-w-sm"
        >
          <title id="health-chart-title">{bars.map((s) => `${LABELS[s]}: ${counts[s]}`).join(", ")}</title>
          {bars.map((status, i) => (
            <g key={status} transform={`translate(0 ${i * row})`} data-status={status}>
              <text x="0" y="15" fontSize="12" className="fill-slate-700">
                {LABELS[status]}
              </text>
              <rect
                x="92"
                y="4"
                height="14"
                rx="2"
                width={(180 * counts[status]) / max}
                className={FILL[status]}
              />
              <text x={98 + (180 * counts[status]) / max} y="15" fontSize="12" className="fill-slate-900">
                {counts[status]}
              </text>
            </g>
          ))}
        </svg>
      ) : null}
      <Link
        href={`/deliveries?endpoint_id=${endpointId}`}
        prefetch={false}
        className="inline-flex min-h-6 items-center text-sm text-indigo-700 underline max-sm:min-h-11"
      >
        All deliveries of this endpoint
      </Link>
    </Section>
  );
}

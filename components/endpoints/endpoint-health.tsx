import Link from "next/link";
import { DELIVERY_STATUSES, type DeliveryStatus } from "@/lib/closient/delivery-constants";
import { STATUS_LABELS } from "@/lib/deliveries/status-labels";
import type { EndpointHealth } from "@/lib/deliveries/health";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { detailHref } from "@/components/deliveries/delivery-table";
import { Section } from "@/components/ui/section";
import { TimeAgo } from "@/components/ui/time-ago";

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
 * The endpoint's last 24 hours as a small bar chart drawn on the server (an SVG, no script), each
 * bar labelled with its status and count in text, then its latest deliveries.
 */
export function EndpointHealthPanel({
  endpointId,
  health: { counts, total, latest },
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
    <Section id="health" title="Deliveries">
      <p className="mt-1 text-sm text-slate-600">
        {total === 0 ? "None in the last 24 hours." : `${total} in the last 24 hours, by status:`}
      </p>
      {total > 0 ? (
        <svg
          role="img"
          aria-labelledby="health-chart-title"
          viewBox={`0 0 320 ${row * bars.length}`}
          className="mt-3 w-full max-w-sm"
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
      {latest.length ? (
        <ul className="mt-4 divide-y divide-slate-100 text-sm" aria-label="Latest deliveries">
          {latest.map((delivery) => (
            <li key={delivery.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <DeliveryStatusBadge status={delivery.status} />
              <code className="font-mono text-xs">{delivery.event_type}</code>
              <span className="text-xs text-slate-600">
                <TimeAgo iso={delivery.created_at} now={now} />
              </span>
              <Link
                href={detailHref(delivery)}
                prefetch={false}
                className="ml-auto text-xs text-indigo-700 underline"
              >
                Details
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <Link
        href={`/deliveries?endpoint_id=${endpointId}`}
        prefetch={false}
        className="mt-4 inline-block text-sm text-indigo-700 underline"
      >
        All deliveries of this endpoint
      </Link>
    </Section>
  );
}

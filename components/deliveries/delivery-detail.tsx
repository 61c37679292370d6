import Link from "next/link";
import type { Delivery } from "@/lib/closient";
import { RESPONSE_BODY_MAX_LENGTH } from "@/lib/closient/delivery-constants";
import { formatExact } from "@/lib/format-time";
import { statusMeaning, whyNoReplay } from "@/lib/deliveries/status-text";
import { CopyButton } from "@/components/ui/copy-button";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { TimeAgo } from "@/components/ui/time-ago";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { detailHref } from "./delivery-actions";
import { ReplayButton } from "./replay-button";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[10rem_1fr]">
      <dt className="text-slate-600">{label}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

function Id({ value, label }: { value: string; label: string }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      <code className="font-mono text-xs">{value}</code>
      <CopyButton value={value} label={label} />
    </span>
  );
}

/** Every field Closient gives about one delivery, what its status means, and Replay. */
export function DeliveryDetail({
  delivery,
  endpointName,
  newer,
  now,
}: {
  delivery: Delivery;
  endpointName: string | null;
  /** Later deliveries of the same event to the same endpoint (replays); null when unread. */
  newer: Delivery[] | null;
  now: number;
}) {
  const reason = whyNoReplay(delivery.status, delivery.event_type);
  return (
    <div className="space-y-6">
      <BackLink href={`/deliveries?endpoint_id=${delivery.endpoint_id}`}>
        Deliveries of this endpoint
      </BackLink>
      <PageHeader
        title={<span className="font-mono text-xl">{delivery.event_type}</span>}
        description={<DeliveryStatusBadge status={delivery.status} />}
      />
      <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800">
        {statusMeaning(delivery.status, delivery.attempts, delivery.event_type)}
      </p>
      <Section id="replay" title="Replay" className="space-y-2 text-sm">
        {newer === null ? (
          <p className="mb-3 text-slate-600">
            Whether this event was sent to the endpoint again later could not be read just now.
          </p>
        ) : null}
        {newer?.length ? (
          <p className="mb-3">
            This event was sent to the endpoint again later:{" "}
            {newer.map((d, i) => (
              <span key={d.id}>
                {i ? ", " : ""}
                <Link href={detailHref(d)} prefetch={false} className="text-indigo-700 underline">
                  {d.status.replace("_", " ")} <TimeAgo iso={d.created_at} now={now} />
                </Link>
              </span>
            ))}
            .
          </p>
        ) : null}
        {reason === null ? (
          <ReplayButton deliveryId={delivery.id} endpointId={delivery.endpoint_id} />
        ) : (
          <>
            <button
              type="button"
              disabled
              aria-describedby="no-replay-reason"
              className="min-h-9 rounded-md border border-slate-300 px-4 text-slate-400"
            >
              Replay
            </button>
            <p id="no-replay-reason" className="mt-2 text-slate-600">
              {reason}
            </p>
          </>
        )}
      </Section>
      <Section id="fields" title="Fields" hideTitle className="text-sm">
        <dl className="divide-y divide-slate-100">
          <Row label="Endpoint">
            <Link
              href={`/webhooks/${delivery.endpoint_id}`}
              prefetch={false}
              className="inline-block min-h-6 text-indigo-700 underline"
            >
              {endpointName ?? delivery.endpoint_id}
            </Link>
            <Id value={delivery.endpoint_id} label="endpoint id" />
          </Row>
          <Row label="Delivery id">
            <Id value={delivery.id} label="delivery id" />
          </Row>
          <Row label="Event id">
            <Id value={delivery.event_id} label="event id" />
          </Row>
          <Row label="Event type">
            <code className="font-mono text-xs">{delivery.event_type}</code>
          </Row>
          <Row label="Created">
            <TimeAgo iso={delivery.created_at} now={now} /> ({formatExact(delivery.created_at)})
          </Row>
          <Row label="Attempts">{delivery.attempts}</Row>
          <Row label="Last attempt">
            {delivery.last_attempted_at ? (
              <>
                <TimeAgo iso={delivery.last_attempted_at} now={now} /> (
                {formatExact(delivery.last_attempted_at)})
              </>
            ) : (
              "not attempted yet"
            )}
          </Row>
          <Row label="HTTP status">
            {delivery.http_status_code ?? "no answer (connection failed or timed out)"}
          </Row>
          <Row label="Response body">
            {delivery.response_body ? (
              <>
                <span className="block text-xs text-slate-500">
                  First {RESPONSE_BODY_MAX_LENGTH} characters, shown as text
                </span>
                <pre
                  data-testid="response-body"
                  className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs [overflow-wrap:anywhere] whitespace-pre-wrap"
                >
                  {delivery.response_body}
                </pre>
              </>
            ) : (
              <span className="text-slate-500">empty</span>
            )}
          </Row>
        </dl>
      </Section>
    </div>
  );
}

"use client";

import Link from "next/link";
import { useRef } from "react";
import { useReplayDelivery } from "@/lib/client/delivery-mutations";
import { Refused, useCan } from "@/components/access/access-context";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { DeliveryStatusBadge } from "./delivery-status-badge";

/**
 * Replays one dead letter, once: a second click while the first is on its way does nothing.
 * The result shows here (status, HTTP code, the receiver's answer) with a link to the new
 * delivery; the log is then rendered again with it.
 */
export function ReplayButton({
  deliveryId,
  endpointId,
  compact = false,
}: {
  deliveryId: string;
  endpointId: string;
  compact?: boolean;
}) {
  const replay = useReplayDelivery(deliveryId, endpointId);
  const { allowed, why } = useCan("deliveries.replay");
  // The mutation's state reaches React a tick later; a second click in between must not resend.
  const inFlight = useRef(false);
  const result = replay.data;
  const pending = replay.isPending;
  const error = replay.error
    ? `Replay failed: ${replay.error instanceof Error ? replay.error.message : "unknown error"}`
    : null;

  return (
    <div className={compact ? "space-y-1 text-left" : "space-y-3"}>
      {result ? null : (
        <Button
          size={compact ? "sm" : "md"}
          variant="secondary"
          disabled={pending || !allowed}
          title={why || undefined}
          aria-label={`Replay delivery ${deliveryId}`}
          // Once: a second click while the first is on its way does nothing; a refusal may be retried.
          onClick={() => {
            if (inFlight.current) return;
            inFlight.current = true;
            replay.mutate(undefined, { onError: () => (inFlight.current = false) });
          }}
          primary
          className={compact ? "min-h-6 max-sm:w-full" : undefined}
        >
          {pending ? "Replaying…" : "Replay"}
        </Button>
      )}
      {compact || result ? null : <Refused why={why} />}
      <div aria-live="polite">
        <FieldError>{error}</FieldError>
        {result ? (
          <div className="space-y-1 text-xs" data-testid="replay-result">
            <p>
              Replayed as a new delivery: {result.status.replace("_", " ")}
              {result.http_status_code ? ` (HTTP ${result.http_status_code})` : ""}
            </p>
            <DeliveryStatusBadge status={result.status} />
            {result.response_body && !compact ? (
              <pre className="max-h-32 overflow-auto rounded bg-slate-50 p-2 font-mono whitespace-pre-wrap">
                {result.response_body}
              </pre>
            ) : null}
            <Link
              href={`/deliveries/${result.delivery_id}?endpoint_id=${endpointId}`}
              prefetch={false}
              className="block text-indigo-700 underline"
            >
              See the new delivery
            </Link>
          </div>
        ) : null}
      </div>
    </div>
  );
}

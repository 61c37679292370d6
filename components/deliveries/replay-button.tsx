"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { api } from "@/lib/client/api-client";
import type { DeliveryResult } from "@/lib/closient";
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
  const router = useRouter();
  const inFlight = useRef(false);
  const [result, setResult] = useState<DeliveryResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [, startTransition] = useTransition();

  const replay = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    setError(null);
    try {
      setResult(await api.replayDelivery(deliveryId));
      startTransition(() => router.refresh());
    } catch (failure) {
      setError(`Replay failed: ${failure instanceof Error ? failure.message : "unknown error"}`);
      inFlight.current = false; // a refused replay may be tried again
    } finally {
      setPending(false);
    }
  };

  return (
    <div className={compact ? "space-y-1 text-left" : "space-y-3"}>
      {result ? null : (
        <Button
          size={compact ? "sm" : "md"}
          variant="secondary"
          disabled={pending}
          aria-label={`Replay delivery ${deliveryId}`}
          onClick={() => void replay()}
          primary
          className={compact ? "min-h-6 max-sm:w-full" : undefined}
        >
          {pending ? "Replaying…" : "Replay"}
        </Button>
      )}
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

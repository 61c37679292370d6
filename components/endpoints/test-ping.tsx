"use client";

import Link from "next/link";
import type { DeliveryResult } from "@/lib/closient";
import { RESPONSE_BODY_MAX_LENGTH } from "@/lib/closient/delivery-constants";
import { useTestEndpoint } from "@/lib/client/endpoint-mutations";
import { Refused, useCan } from "@/components/access/access-context";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";

/** Sends one signed `ping` and shows what the receiver answered, right here. */
export function TestPing({ endpointId, active }: { endpointId: string; active: boolean }) {
  const test = useTestEndpoint(endpointId);
  const { allowed, why } = useCan("endpoints.test");
  return (
    <Section id="test" title="Test">
      <p className="mt-1 text-sm text-slate-600">
        Sends one signed <code>ping</code> event now and waits for your receiver&apos;s answer. It is never
        retried{active ? "" : ", and it is sent even though this endpoint is paused"}.
      </p>
      <Button
        primary
        className="mt-4"
        variant="secondary"
        onClick={() => test.mutate()}
        disabled={test.isPending || !allowed}
      >
        {test.isPending ? "Sending…" : "Send test ping"}
      </Button>
      <Refused why={why} />
      <div aria-live="polite" className="mt-4">
        <FieldError>{test.isError ? `The ping could not be sent: ${test.error.message}` : null}</FieldError>
        {test.data ? <PingResult endpointId={endpointId} result={test.data} /> : null}
      </div>
    </Section>
  );
}

function PingResult({ endpointId, result }: { endpointId: string; result: DeliveryResult }) {
  return (
    <div className="space-y-2 rounded-md bg-slate-50 p-4 text-sm" data-testid="ping-result">
      <p className="flex flex-wrap items-center gap-3">
        <DeliveryStatusBadge status={result.status} />
        <span>
          HTTP status:{" "}
          <strong>{result.http_status_code ?? "no response (connection failed or timed out)"}</strong>
        </span>
      </p>
      {result.response_body ? (
        <div>
          <p className="text-xs text-slate-600">
            Response body (first {RESPONSE_BODY_MAX_LENGTH} characters)
          </p>
          <pre className="bg-surface mt-1 max-h-40 overflow-auto rounded p-2 font-mono text-xs whitespace-pre-wrap">
            {result.response_body}
          </pre>
        </div>
      ) : null}
      <Link href={`/deliveries?endpoint_id=${endpointId}`} className="text-indigo-700 underline">
        See this delivery ({result.delivery_id}) in the log
      </Link>
    </div>
  );
}

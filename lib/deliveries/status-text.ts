import { isKnownStatus, MAX_DELIVERY_ATTEMPTS } from "@/lib/closient/delivery-constants";
import { PING_EVENT_TYPE } from "@/lib/closient/event-types";
import { plural } from "@/lib/utils";

/** What a delivery's status means, in words an admin can act on. */
export function statusMeaning(status: string, attempts: number, eventType = ""): string {
  if (!isKnownStatus(status)) {
    return `${status}: a status this portal does not know yet, shown as Closient reported it (${plural(attempts, "attempt")} so far).`;
  }
  if (eventType === PING_EVENT_TYPE && status === "failed") {
    return "Failed: the receiver did not accept this test ping. Pings are sent once and never retried.";
  }
  switch (status) {
    case "pending":
      return attempts === 0
        ? "Pending: queued, not attempted yet (or waiting for its endpoint to be resumed)."
        : `Pending: waiting for attempt ${attempts + 1} of ${MAX_DELIVERY_ATTEMPTS}.`;
    case "delivered":
      return "Delivered: the receiver answered with a 2xx status.";
    case "failed":
      return `Failed: the receiver answered with an error or could not be reached. Closient retries it (attempt ${attempts} of ${MAX_DELIVERY_ATTEMPTS} so far).`;
    case "rate_limited":
      return "Rate limited: the receiver answered 429. Closient waits at least its Retry-After, then tries again.";
    case "dead_letter":
      return `Dead letter: all ${MAX_DELIVERY_ATTEMPTS} attempts failed. Fix the receiver, then replay.`;
  }
}

/** Why Replay is not offered for a status, or null when it is (dead letters). */
export function whyNoReplay(status: string, eventType = ""): string | null {
  if (!isKnownStatus(status)) return "Only dead letters can be replayed.";
  if (eventType === PING_EVENT_TYPE && status !== "dead_letter") {
    return status === "delivered"
      ? "Delivered already: nothing to replay."
      : "A test ping is sent once and never retried: send another ping from the endpoint's page.";
  }
  switch (status) {
    case "dead_letter":
      return null;
    case "delivered":
      return "Delivered already: nothing to replay.";
    default:
      return "Still being retried: only dead letters can be replayed.";
  }
}

/**
 * What the receiver answered, on one line: the HTTP status, then the body's text with its line
 * breaks and runs of spaces folded (an HTML error page reads as one line).
 */
export function answerLine(
  delivery: { http_status_code: number | null; response_body: string; attempts: number },
  max = Infinity,
): string {
  if (delivery.http_status_code === null)
    return delivery.attempts > 0 ? "No HTTP answer" : "Not attempted yet";
  const body = delivery.response_body.replace(/\s+/g, " ").trim();
  const line = body ? `${delivery.http_status_code} · ${body}` : String(delivery.http_status_code);
  // A row shows one line: what does not fit is on the delivery's own page, whole.
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

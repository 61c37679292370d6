import { describe, expect, it } from "vitest";
import type { Delivery } from "@/lib/closient";
import { failureRun } from "./health";

let n = 0;
const d = (status: string): Delivery => ({
  id: `d${++n}`,
  endpoint_id: "e",
  event_id: "evt",
  event_type: "offer.updated",
  status,
  created_at: new Date(Date.UTC(2026, 11, 1, 12, 0, -n)).toISOString(),
  http_status_code: null,
  response_body: "",
  attempts: 1,
  last_attempted_at: null,
});

describe("the run of failures an endpoint is in", () => {
  it("is none when the newest attempt got through", () => {
    const rows = [d("pending"), d("delivered"), d("dead_letter")];
    expect(failureRun(rows)).toEqual({ lastDelivered: rows[1], oldestFailure: null, complete: true });
  });

  it("begins at the first failure after the last delivery that got through", () => {
    const rows = [
      d("pending"),
      d("dead_letter"),
      d("retry_scheduled"),
      d("rate_limited"),
      d("failed"),
      d("delivered"),
      d("failed"),
    ];
    expect(failureRun(rows)).toEqual({ lastDelivered: rows[5], oldestFailure: rows[4], complete: true });
  });

  it("says when the run goes on past the rows it was given", () => {
    const rows = [d("dead_letter"), d("failed")];
    expect(failureRun(rows)).toEqual({ lastDelivered: null, oldestFailure: rows[1], complete: false });
  });

  it("is none, and complete, with no attempted delivery at all", () => {
    expect(failureRun([])).toEqual({ lastDelivered: null, oldestFailure: null, complete: true });
    expect(failureRun([d("pending")])).toEqual({ lastDelivered: null, oldestFailure: null, complete: true });
  });
});

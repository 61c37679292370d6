import { describe, expect, it } from "vitest";
import { statusMeaning, whyNoReplay } from "./delivery-status-text";

describe("what a delivery's status means", () => {
  it("says a dead letter used up its attempts and offers replay", () => {
    expect(statusMeaning("dead_letter", 8)).toBe(
      "Dead letter: all 8 attempts failed. Fix the receiver, then replay.",
    );
    expect(whyNoReplay("dead_letter")).toBeNull();
  });

  it("says a failed event is retried, and a failed ping is not", () => {
    expect(statusMeaning("failed", 2, "offer.updated")).toMatch(/retries it \(attempt 2 of 8/);
    expect(whyNoReplay("failed", "offer.updated")).toBe(
      "Still being retried: only dead letters can be replayed.",
    );
    expect(statusMeaning("failed", 1, "ping")).toMatch(/never retried/);
    expect(whyNoReplay("failed", "ping")).toMatch(/send another ping/);
  });

  it("counts the next attempt of a pending delivery", () => {
    expect(statusMeaning("pending", 0)).toMatch(/not attempted yet/);
    expect(statusMeaning("pending", 3)).toBe("Pending: waiting for attempt 4 of 8.");
  });
});

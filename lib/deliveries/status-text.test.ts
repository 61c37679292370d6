import { describe, expect, it } from "vitest";
import { statusLabel } from "./status-labels";
import { answerLine, statusMeaning, whyNoReplay } from "./status-text";

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

  it("shows a status Closient added since by its own name, and offers no replay for it", () => {
    expect(statusLabel("retry_scheduled")).toBe("retry_scheduled");
    expect(statusLabel("dead_letter")).toBe("Dead letter");
    expect(statusMeaning("retry_scheduled", 1)).toBe(
      "retry_scheduled: a status this portal does not know yet, shown as Closient reported it (1 attempt so far).",
    );
    expect(statusMeaning("retry_scheduled", 3)).toMatch(/\(3 attempts so far\)/);
    expect(whyNoReplay("retry_scheduled")).toBe("Only dead letters can be replayed.");
  });
});

describe("what the receiver answered, on one line", () => {
  it("folds an HTML page's lines after its status code", () => {
    expect(
      answerLine({
        http_status_code: 503,
        response_body: "<html>\r\n<head><title>503</title>\n  </head>",
        attempts: 8,
      }),
    ).toBe("503 · <html> <head><title>503</title> </head>");
    expect(answerLine({ http_status_code: 204, response_body: "", attempts: 1 })).toBe("204");
    expect(answerLine({ http_status_code: 503, response_body: "x".repeat(300), attempts: 1 }, 20)).toBe(
      `503 · ${"x".repeat(13)}…`,
    );
  });

  it("says when there was no HTTP answer, or no attempt yet", () => {
    expect(answerLine({ http_status_code: null, response_body: "", attempts: 3 })).toBe("No HTTP answer");
    expect(answerLine({ http_status_code: null, response_body: "", attempts: 0 })).toBe("Not attempted yet");
  });
});

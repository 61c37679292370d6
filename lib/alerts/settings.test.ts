import { describe, expect, it } from "vitest";
import { holderProblem } from "@/lib/access/link-rules";
import { channelProblem, failingAfterProblem } from "./channel-input";
import { channelSchema, ruleSchema, watchingSchema } from "./settings";

describe("what the alert settings accept", () => {
  it("one email address, with nothing a mail header could be split on", () => {
    expect(channelSchema.safeParse({ type: "email", to: "oncall@brand.example" }).success).toBe(true);
    for (const to of [
      "oncall@brand.example\r\nBcc: everyone@evil.example",
      "oncall@brand.example\nSubject: hi",
      "a@brand.example, b@brand.example",
      "a@brand.example;b@brand.example",
      "Alice <a@brand.example>",
      "not an address",
      `${"a".repeat(250)}@b.co`,
    ])
      expect(channelSchema.safeParse({ type: "email", to }).success, to).toBe(false);
  });

  it("a URL for Slack and webhooks (the outbound rule checks where it points, on the server)", () => {
    expect(
      channelSchema.safeParse({ type: "slack", url: "https://hooks.slack.com/services/T/B/X" }).success,
    ).toBe(true);
    expect(channelSchema.safeParse({ type: "webhook", url: "not a url" }).success).toBe(false);
    expect(channelSchema.safeParse({ type: "sms", to: "+1" }).success).toBe(false);
    expect(channelSchema.safeParse({ type: "webhook", url: "https://x.example", extra: 1 }).success).toBe(
      false,
    );
  });

  it("the page's forms say what is wrong in words, with the rules the routes use", () => {
    expect(channelProblem("email", "on call@brand")).toContain("email address");
    expect(channelProblem("email", "oncall@brand.example")).toBeNull();
    expect(channelProblem("slack", "hooks.slack.com/x")).toContain("full URL");
    expect(channelProblem("webhook", "https://ops.brand.example/alerts")).toBeNull();
    expect(holderProblem("  ")).toContain("name or email");
    expect(holderProblem("Dana\nBcc: x")).toContain("one line");
    expect(holderProblem("dana@brand.example")).toBeNull();
  });

  it("the rule: 1 to 20 failures, a reminder of 1 to 168 hours or none", () => {
    expect(ruleSchema.parse({ failing_after: 3, remind_every_hours: null })).toEqual({
      failing_after: 3,
      remind_every_hours: null,
    });
    expect(ruleSchema.parse({ failing_after: "5", remind_every_hours: "4" })).toEqual({
      failing_after: 5,
      remind_every_hours: 4,
    });
    for (const failing_after of ["0", "21", "2.5", "x"]) {
      expect(ruleSchema.safeParse({ failing_after, remind_every_hours: null }).success, failing_after).toBe(
        false,
      );
      expect(failingAfterProblem(failing_after), failing_after).not.toBeNull();
    }
    expect(failingAfterProblem("3")).toBeNull();
    expect(ruleSchema.safeParse({ failing_after: 3, remind_every_hours: 200 }).success).toBe(false);
  });

  it("watching with another key: a business or user key, whole", () => {
    expect(watchingSchema.safeParse({}).success).toBe(true);
    expect(watchingSchema.safeParse({ api_key: "cpk_x" }).success).toBe(false);
    expect(watchingSchema.safeParse({ api_key: 42 }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { returnPath, signInHref } from "./return-path";

describe("the path an admin returns to after signing in", () => {
  it("keeps a portal path with its query and fragment", () => {
    expect(returnPath("/deliveries/abc?endpoint_id=x&at=2026-12-01T10%3A00%3A00Z")).toBe(
      "/deliveries/abc?endpoint_id=x&at=2026-12-01T10%3A00%3A00Z",
    );
    expect(returnPath("/deliveries?status=dead_letter#log")).toBe("/deliveries?status=dead_letter#log");
    expect(returnPath("/webhooks/../verify")).toBe("/verify");
  });

  it("refuses anything that could leave the portal", () => {
    for (const value of [
      "//evil.example/webhooks",
      "///evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "https://evil.example/webhooks",
      "http:/evil.example",
      "javascript:alert(1)",
      "evil.example/webhooks",
      "/\tevil",
      "/\u0000",
      "",
      42,
      null,
      ["/webhooks"],
      `/${"a".repeat(5000)}`,
    ]) {
      expect(returnPath(value), JSON.stringify(value)).toBeNull();
    }
  });

  it("refuses the sign-in page itself and the API", () => {
    expect(returnPath("/sign-in?next=/webhooks")).toBeNull();
    expect(returnPath("/api/session")).toBeNull();
  });

  it("is carried in the sign-in link, with the reason, and left out where it adds nothing", () => {
    expect(signInHref("/deliveries?status=dead_letter", "expired")).toBe(
      "/sign-in?reason=expired&next=%2Fdeliveries%3Fstatus%3Ddead_letter",
    );
    expect(signInHref("/webhooks")).toBe("/sign-in");
    expect(signInHref("//evil.example")).toBe("/sign-in");
    expect(signInHref(null, "expired")).toBe("/sign-in?reason=expired");
  });
});

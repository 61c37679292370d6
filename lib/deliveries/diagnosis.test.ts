import { describe, expect, it } from "vitest";
import {
  adviceFor,
  type EndpointChange,
  answerSays,
  causeOf,
  failureCounts,
  groupFailures,
  proxyName,
  type Failure,
} from "./diagnosis";

const NGINX_503 =
  "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>";

let n = 0;
const failure = (status: number | null, body = "", extra: Partial<Failure> = {}): Failure => ({
  id: `d${++n}`,
  endpoint_id: "e1",
  status: "dead_letter",
  created_at: `2026-12-01T10:${String(n % 60).padStart(2, "0")}:00.000Z`,
  http_status_code: status,
  response_body: body,
  attempts: 8,
  ...extra,
});
const advice = (status: number | null, body = "", endpoint?: EndpointChange) =>
  adviceFor(
    {
      cause: causeOf(failure(status, body)),
      firstSeen: "2026-12-01T10:00:00.000Z",
      sample: failure(status, body),
    },
    endpoint,
  );

describe("what an answer says", () => {
  it("reads an HTML page's title, its heading when the title is cut off, a JSON error's message, a text's first line", () => {
    expect(answerSays(NGINX_503)).toBe("503 Service Temporarily Unavailable");
    expect(answerSays("<!DOCTYPE html><html><head><title>Bad gateway &amp; more</title>")).toBe(
      "Bad gateway & more",
    );
    expect(answerSays("<html><head><title>Unterminated ti")).toBe("Unterminated ti");
    expect(answerSays("<html><body><h1>Not Found</h1><p>nope</p>")).toBe("Not Found");
    expect(answerSays('{"error":"invalid_signature","message":"Signature does not match."}')).toBe(
      "Signature does not match.",
    );
    expect(answerSays('{"error":{"code":"x","message":"Token expired"}}')).toBe("Token expired");
    expect(answerSays('{"detail":"Not authenticated"}')).toBe("Not authenticated");
    expect(answerSays("\n  upstream timed out\nsecond line")).toBe("upstream timed out");
    expect(answerSays("")).toBe("");
    expect(answerSays("x".repeat(300))).toHaveLength(120);
  });

  it("names the proxy whose error page it is", () => {
    expect(proxyName(NGINX_503)).toBe("nginx");
    expect(proxyName("<title>502 Bad Gateway</title><center>cloudflare</center>")).toBe("Cloudflare");
    expect(proxyName("<html><body><center><h1>502 Bad Gateway</h1></center></body></html>")).toBeNull();
    expect(proxyName("upstream connect error or disconnect/reset before headers")).toBe("Envoy");
    expect(proxyName("<h1>503 Service Unavailable</h1>awselb/2.0")).toBe("AWS Elastic Load Balancing");
  });
});

describe("failures grouped by cause", () => {
  it("puts a status and what the answer says together, the most frequent first, with first and last seen", () => {
    const a = failure(503, NGINX_503, { created_at: "2026-12-01T09:00:00.000Z", status: "failed" });
    const b = failure(503, NGINX_503, { created_at: "2026-12-01T11:00:00.000Z" });
    const c = failure(503, "<title>Maintenance</title>", { created_at: "2026-12-01T10:00:00.000Z" });
    const d = failure(null, "", { created_at: "2026-12-01T10:30:00.000Z" });
    const delivered = failure(200, "ok", { status: "delivered" });
    const groups = groupFailures([b, c, d, a, delivered]);
    expect(groups.map((g) => [g.cause.status, g.cause.says, g.count])).toEqual([
      [503, "503 Service Temporarily Unavailable", 2],
      [null, "", 1],
      [503, "Maintenance", 1],
    ]);
    expect(groups[0]).toMatchObject({
      firstSeen: a.created_at,
      lastSeen: b.created_at,
      sample: b,
      statuses: { failed: 1, dead_letter: 1 },
    });
  });
});

describe("what each cause likely means and what to do next", () => {
  it("401 and 403: the receiver refuses the signature or its own auth, with the signature check and recipes", () => {
    for (const status of [401, 403]) {
      const words = advice(status, '{"message":"bad signature"}');
      expect(words.title).toBe(`HTTP ${status}: the receiver refuses the request`);
      expect(words.meaning).toMatch(/does not accept the signature/);
      expect(words.links).toEqual(["verify", "recipes"]);
      expect(words.changedAt).toBeUndefined();
    }
  });

  it("401 that began after the endpoint's last change names the rotation", () => {
    const endpoint = { created_at: "2026-11-01T00:00:00.000Z", updated_at: "2026-12-01T09:59:00.000Z" };
    const words = advice(401, "", endpoint);
    expect(words.meaning).toMatch(/began after this endpoint's last change, a secret rotation/);
    expect(words.next).toMatch(/current secret/);
    expect(words.changedAt).toBe(endpoint.updated_at);
    // Changed only after the failures began, or never changed: no such claim.
    expect(
      advice(401, "", { ...endpoint, updated_at: "2026-12-01T10:01:00.000Z" }).changedAt,
    ).toBeUndefined();
    expect(advice(401, "", { ...endpoint, updated_at: endpoint.created_at }).changedAt).toBeUndefined();
  });

  it("401 that began after a recorded change names who made it and how long before", () => {
    const endpoint = { created_at: "2026-11-01T00:00:00.000Z", updated_at: "2026-12-01T09:58:00.000Z" };
    const rotated = { at: "2026-12-01T09:58:00.000Z", action: "secret.rotated", actor: "bob@brand.example" };
    const paused = {
      at: "2026-12-01T09:59:00.000Z",
      action: "endpoint.paused",
      actor: "alice@brand.example",
    };
    const later = {
      at: "2026-12-01T10:05:00.000Z",
      action: "endpoint.updated",
      actor: "carol@brand.example",
    };
    // Newest first; a pause names no cause, a change after the first failure neither.
    expect(advice(401, "", { ...endpoint, recorded: [later, paused, rotated] }).after).toBe(
      "401s began 2 min after bob@brand.example rotated the secret.",
    );
    expect(
      advice(403, "", {
        ...endpoint,
        recorded: [{ at: "2026-12-01T09:59:30.000Z", action: "endpoint.changed_elsewhere", actor: "x" }],
      }).after,
    ).toBe("403s began 30 s after the endpoint was changed outside the portal.");
    // More than a day before, or none recorded: no such claim.
    expect(
      advice(401, "", { ...endpoint, recorded: [{ ...rotated, at: "2026-11-29T09:00:00.000Z" }] }).after,
    ).toBeUndefined();
    expect(advice(401, "", endpoint).after).toBeUndefined();
    expect(advice(500, "", { ...endpoint, recorded: [rotated] }).after).toBeUndefined();
  });

  it("404 and 410: the URL or path is wrong, or gone", () => {
    expect(advice(404).title).toBe("HTTP 404: no such page at the receiver");
    expect(advice(404).meaning).toMatch(/path is wrong/);
    expect(advice(410).meaning).toMatch(/gone for good/);
    expect(advice(404).links).toEqual(["settings"]);
  });

  it("408 and 5xx: the receiver failed, and a proxy's page names the proxy", () => {
    expect(advice(503, NGINX_503).title).toBe("HTTP 503 from nginx: the receiver behind it is down");
    expect(advice(503, NGINX_503).meaning).toMatch(
      /error page of nginx.*"503 Service Temporarily Unavailable"/,
    );
    expect(advice(500, "boom").title).toBe("HTTP 500: the receiver failed");
    expect(advice(408).title).toBe("HTTP 408: the receiver failed");
    expect(advice(502).next).toMatch(/not delivered later/);
  });

  it("413: the body is too large for the receiver", () => {
    expect(advice(413).title).toBe("HTTP 413: the body is too large for the receiver");
    expect(advice(413).next).toMatch(/client_max_body_size/);
  });

  it("429: the receiver throttles, and Closient retries these on their own track", () => {
    expect(advice(429).title).toBe("HTTP 429: the receiver throttles Closient");
    expect(advice(429).meaning).toMatch(/retries these on their own track/);
  });

  it("3xx: redirects are not followed, so use the final URL", () => {
    expect(advice(301).title).toBe("HTTP 301: a redirect, which Closient does not follow");
    expect(advice(308).next).toMatch(/final address/);
  });

  it("no HTTP answer: unreachable, refused, TLS, or slower than the 10 s attempt limit", () => {
    const words = advice(null);
    expect(words.title).toBe("No HTTP answer");
    expect(words.meaning).toMatch(/refused.*TLS.*10 s/);
  });

  it("another 4xx: the receiver refuses the webhook as it is", () => {
    expect(advice(422, '{"message":"unknown field"}').meaning).toMatch(/"unknown field"/);
  });
});

describe("failures counted in words", () => {
  it("names each failing status with its count, and leaves out those with none", () => {
    expect(failureCounts({ dead_letter: 3, failed: 2, rate_limited: 1 })).toBe(
      "3 dead letters, 2 failed, 1 rate limited",
    );
    expect(failureCounts({ dead_letter: 1 })).toBe("1 dead letter");
    expect(failureCounts({ failed: 0, rate_limited: 4 })).toBe("4 rate limited");
  });
});

import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { deliveryRow, fakeUpstream, pageOf, testEnv, testId } from "../../harness/fake-upstream";
import { endpointDiagnosis, failingNow } from "./diagnosis";

const upstream = await fakeUpstream();
testEnv(upstream.url);

const NOW = Date.parse("2026-12-01T08:00:00.000Z");
const DAY_AGO = new Date(NOW - 86_400_000).toISOString();
const caller = { apiKey: "csb_diagnosis", requestId: "req-diagnosis" };
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();
const row = (endpoint: string, status: string, minutesAgo: number, extra: Record<string, unknown> = {}) =>
  deliveryRow(endpoint, status, NOW, { created_at: at(minutesAgo), ...extra });
const query = (i: number) => Object.fromEntries(new URL(upstream.seen[i]!.url, "http://x").searchParams);
/** Answers each call with what `answer` makes of its query. */
const answering = (answer: (q: URLSearchParams) => unknown) => {
  upstream.handle = (req, res) =>
    upstream.json(200, answer(new URL(req.url!, "http://x").searchParams))(req, res, "");
};

beforeEach(() => {
  upstream.seen.length = 0;
});
afterAll(() => upstream.close());

describe("one endpoint's day and why it fails", () => {
  it("reads a day that fits one page in one call: counts, failures by cause, not failing after a success", async () => {
    const e = testId("E");
    const rows = [
      row(e, "delivered", 1),
      row(e, "dead_letter", 2, { response_body: "<title>503 Down</title>" }),
      row(e, "retry_scheduled", 3),
      row(e, "failed", 4, { http_status_code: null }),
      row(e, "pending", 5),
      row(e, "rate_limited", 6, { http_status_code: 429 }),
    ];
    upstream.handle = upstream.json(200, pageOf(rows));
    const d = await endpointDiagnosis(caller, "org-1", e, NOW);
    expect(d).toMatchObject({
      counts: { pending: 1, delivered: 1, failed: 1, rate_limited: 1, dead_letter: 1, other: 1 },
      total: 6,
      lastDelivered: { id: rows[0]!.id },
      failingSince: null,
      read: 3,
      failuresTotal: 3,
      windowStart: DAY_AGO,
      calls: 1,
    });
    expect(d.failures.map((f) => f.id)).toEqual([rows[1], rows[3], rows[5]].map((r) => r!.id));
    expect(d.groups.map((g) => [g.cause.status, g.cause.says])).toEqual([
      [503, "503 Down"],
      [null, ""],
      [429, ""],
    ]);
    expect(query(0)).toEqual({ endpoint_id: e, created_after: DAY_AGO, page: "1", page_size: "50" });
    expect(upstream.seen[0]!.headers["x-request-id"]).toBe("req-diagnosis");
  });

  it("is failing since the first failure after the last delivery that got through", async () => {
    const e = testId("E");
    const rows = [row(e, "dead_letter", 1), row(e, "failed", 2), row(e, "delivered", 3), row(e, "failed", 4)];
    upstream.handle = upstream.json(200, pageOf(rows));
    const d = await endpointDiagnosis(caller, "org-2", e, NOW);
    expect(d).toMatchObject({
      lastDelivered: { id: rows[2]!.id },
      failingSince: rows[1]!.created_at,
      calls: 1,
    });
  });

  it("reads a busy day by status: 50 failures of each, the totals, pending as what is left", async () => {
    const e = testId("E");
    answering((q) => {
      const status = q.get("status");
      if (!status) return pageOf([row(e, "dead_letter", 1)], { total_count: 400, has_next: true });
      if (status === "delivered")
        return pageOf([row(e, "delivered", 29.5)], { page_size: 1, total_count: 200 });
      const totals: Record<string, number> = { dead_letter: 120, failed: 30, rate_limited: 0 };
      const rows = Array.from({ length: Math.min(50, totals[status]!) }, (_, i) => row(e, status, 1 + i));
      return pageOf(rows, { total_count: totals[status], has_next: totals[status]! > 50 });
    });
    const d = await endpointDiagnosis(caller, "org-3", e, NOW);
    expect(d.counts).toEqual({
      pending: 50,
      delivered: 200,
      failed: 30,
      rate_limited: 0,
      dead_letter: 120,
      other: 0,
    });
    expect(d).toMatchObject({ total: 400, read: 80, failuresTotal: 150, calls: 5 });
    // The run began after the delivery 29.5 minutes ago: its first failure read is 29 minutes ago.
    expect(d.failingSince).toBe(at(29));
    expect(d.failures).toHaveLength(5);
    expect(d.failures[0]!.created_at >= d.failures[4]!.created_at).toBe(true);
  });

  it("looks further back when nothing got through today: the last success, then the first failure after it", async () => {
    const e = testId("E");
    const lastSuccess = row(e, "delivered", 3 * 24 * 60);
    const first = row(e, "failed", 3 * 24 * 60 - 5);
    answering((q) => {
      if (q.get("status") === "delivered") return pageOf([lastSuccess], { page_size: 1, total_count: 9 });
      if (q.get("created_after") === new Date(Date.parse(lastSuccess.created_at) + 1).toISOString()) {
        return q.get("page") === "1"
          ? pageOf([row(e, "dead_letter", 1)], { page_size: 1, total_count: 700 })
          : pageOf([first], { page: Number(q.get("page")), page_size: 1, total_count: 700 });
      }
      return pageOf([row(e, "dead_letter", 1), row(e, "dead_letter", 2)]);
    });
    const d = await endpointDiagnosis(caller, "org-4", e, NOW);
    expect(d).toMatchObject({
      lastDelivered: { id: lastSuccess.id },
      failingSince: first.created_at,
      calls: 4,
    });
    expect(query(3).page).toBe("700");
  });

  it("keeps its answer 15 seconds per organization and endpoint", async () => {
    const e = testId("E");
    upstream.handle = upstream.json(200, pageOf([row(e, "delivered", 1)]));
    await endpointDiagnosis(caller, "org-5", e, NOW);
    await endpointDiagnosis(caller, "org-5", e, NOW);
    expect(upstream.seen).toHaveLength(1);
    await endpointDiagnosis(caller, "org-other", e, NOW);
    expect(upstream.seen).toHaveLength(2);
    vi.useFakeTimers({ now: Date.now() + 15_001, toFake: ["Date"] });
    try {
      await endpointDiagnosis(caller, "org-5", e, NOW);
      expect(upstream.seen).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it("asks once for two views at the same time, and keeps no failed answer", async () => {
    const e = testId("E");
    upstream.handle = upstream.json(200, pageOf([row(e, "delivered", 1)]));
    const [one, two] = await Promise.all([
      endpointDiagnosis(caller, "org-6", e, NOW),
      endpointDiagnosis(caller, "org-6", e, NOW),
    ]);
    expect(upstream.seen).toHaveLength(1);
    expect(two).toEqual(one);

    const f = testId("E");
    upstream.handle = upstream.json(503, { error: { code: "UPSTREAM", message: "down", status: 503 } });
    await expect(endpointDiagnosis(caller, "org-6", f, NOW)).rejects.toThrow();
    upstream.handle = upstream.json(200, pageOf([row(f, "delivered", 1)]));
    await endpointDiagnosis(caller, "org-6", f, NOW);
    expect(upstream.seen.filter((c) => c.url.includes(f))).toHaveLength(2);
  });
});

describe("the organization's endpoints failing now", () => {
  it("names those whose newest attempt failed, worst first, in four calls and a lookup for each without a success", async () => {
    const [most, longest, recent, recovered] = [testId("E"), testId("E"), testId("E"), testId("E")];
    const byStatus: Record<string, ReturnType<typeof row>[]> = {
      dead_letter: [row(most, "dead_letter", 1), row(most, "dead_letter", 2), row(longest, "dead_letter", 3)],
      failed: [row(recent, "failed", 1), row(recovered, "failed", 20), row(longest, "failed", 300)],
      rate_limited: [row(recent, "rate_limited", 2, { http_status_code: 429 })],
      delivered: [
        row(recovered, "delivered", 10),
        row(recent, "delivered", 5),
        row(longest, "delivered", 400),
      ],
    };
    answering((q) =>
      q.get("endpoint_id")
        ? pageOf([row(q.get("endpoint_id")!, "delivered", 9_000)], { page_size: 1 })
        : pageOf(byStatus[q.get("status")!]!),
    );
    const f = await failingNow(caller, "org-f1", NOW);
    // Two dead letters, then one failing for longer, then the newest; the recovered one is left out.
    expect(f.endpoints.map((e) => e.endpointId)).toEqual([most, longest, recent]);
    expect(f.failingIds).toEqual(expect.arrayContaining([most, longest, recent]));
    expect(f.failingIds).toHaveLength(3);
    expect(f.endpoints[0]).toMatchObject({
      counts: { dead_letter: 2, failed: 0, rate_limited: 0 },
      lastDelivered: at(9_000),
      failingSince: at(2),
    });
    expect(f.endpoints[1]).toMatchObject({ lastDelivered: at(400), failingSince: at(300) });
    expect(f.endpoints[2]).toMatchObject({ lastDelivered: at(5), failingSince: at(2) });
    expect(f).toMatchObject({ read: 7, failuresTotal: 7, more: 0, calls: 5 });
    expect(f.endpoints[0]!.groups[0]).toMatchObject({ count: 2, cause: { status: 503 } });
    expect(upstream.seen).toHaveLength(5);
    expect(query(0)).toMatchObject({ created_after: DAY_AGO, status: "dead_letter", page_size: "50" });
    expect(query(4)).toMatchObject({ endpoint_id: most, status: "delivered", page_size: "1" });
    expect(query(4).created_after).toBeUndefined();
  });

  it("leaves out one that got through after the failures read, and shows five with the count of the rest", async () => {
    const ids = Array.from({ length: 7 }, () => testId("E"));
    answering((q) => {
      const endpoint = q.get("endpoint_id");
      // The first one got through a moment ago, beyond the day's newest 50 successes.
      if (endpoint)
        return pageOf([row(endpoint, "delivered", endpoint === ids[0] ? 0 : 5_000)], { page_size: 1 });
      // The first one is the longest failing, so it is among the five shown, and looked up.
      const dead = ids.map((e, i) => row(e, "dead_letter", i === 0 ? 100 : 10 + i));
      return pageOf(q.get("status") === "dead_letter" ? dead : []);
    });
    const f = await failingNow(caller, "org-f2", NOW);
    expect(f.endpoints.map((e) => e.endpointId)).toEqual([ids[6], ids[5], ids[4], ids[3]]);
    expect(f.more).toBe(2);
    expect(f.failingIds).not.toContain(ids[0]);
  });
});

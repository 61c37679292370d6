import { describe, expect, it } from "vitest";
import type { Delivery, DeliveryListFilters, DeliveryResult, Paginated } from "@/lib/closient";
import { ClosientError } from "@/lib/closient/closient-error";
import { planReplay, runReplay, type Progress, type ReplayOne } from "./bulk-replay";

let seq = 0;
function delivery(over: Partial<Delivery>): Delivery {
  seq++;
  return {
    id: `d${String(seq).padStart(3, "0")}`,
    endpoint_id: "e1",
    event_id: `evt_${seq}`,
    event_type: "offer.updated",
    status: "dead_letter",
    created_at: `2026-11-28T10:00:${String(seq % 60).padStart(2, "0")}.000Z`,
    http_status_code: 500,
    response_body: "down",
    attempts: 8,
    last_attempted_at: null,
    ...over,
  };
}

/** A fake log with the API's filters and pages of 2 (to cross page boundaries). */
function fakeLog(rows: Delivery[]) {
  const calls: DeliveryListFilters[] = [];
  const list = (query: DeliveryListFilters): Promise<Paginated<Delivery>> => {
    calls.push(query);
    const matching = rows
      .filter((r) => !query.status || r.status === query.status)
      .filter((r) => !query.endpoint_id || r.endpoint_id === query.endpoint_id)
      .filter((r) => !query.created_after || r.created_at >= query.created_after)
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
    const page = query.page ?? 1;
    const size = 2;
    const data = matching.slice((page - 1) * size, page * size);
    const total_pages = Math.ceil(matching.length / size);
    return Promise.resolve({
      data,
      pagination: {
        page,
        page_size: size,
        total_count: matching.length,
        total_pages,
        has_next: page < total_pages,
        has_previous: page > 1,
      },
    });
  };
  return { list, calls };
}

const ok = (status: DeliveryResult["status"] = "delivered", headers: Record<string, string> = {}) =>
  Promise.resolve({
    data: {
      delivery_id: "new",
      status,
      http_status_code: status === "delivered" ? 200 : 500,
      response_body: "",
    },
    headers,
  });

describe("planning a bulk replay", () => {
  it("skips a dead letter whose event already has a newer delivery to the same endpoint", async () => {
    const a = delivery({ created_at: "2026-11-28T10:00:01.000Z" });
    const b = delivery({ created_at: "2026-11-28T10:00:02.000Z" });
    const c = delivery({ created_at: "2026-11-28T10:00:03.000Z", endpoint_id: "e2" });
    const replayOfA = delivery({
      event_id: a.event_id,
      status: "delivered",
      created_at: "2026-11-28T11:00:00.000Z",
    });
    // The same event to another endpoint is no replay of c.
    const otherEndpoint = delivery({
      event_id: c.event_id,
      endpoint_id: "e9",
      status: "delivered",
      created_at: "2026-11-28T12:00:00.000Z",
    });
    // An event that died twice (replayed, failed again): only the newest dead letter is a candidate.
    const d1 = delivery({ created_at: "2026-11-28T10:00:04.000Z" });
    const d2 = delivery({ event_id: d1.event_id, created_at: "2026-11-28T11:30:00.000Z" });
    const { list } = fakeLog([a, b, c, replayOfA, otherEndpoint, d1, d2]);
    const plan = await planReplay(list, {});
    expect(plan.found).toBe(5);
    expect(plan.replay.map((d) => d.id).sort()).toEqual([b.id, c.id, d2.id].sort());
    expect(plan.skipped.map((s) => s.delivery.id).sort()).toEqual([a.id, d1.id].sort());
    expect(plan.skipped[0]!.reason).toMatch(/already replayed/);
  });

  it("keeps the log's filters when it looks for dead letters", async () => {
    const { list, calls } = fakeLog([delivery({ endpoint_id: "e1" }), delivery({ endpoint_id: "e2" })]);
    const plan = await planReplay(list, { endpoint_id: "e2", event_type: "offer.updated" });
    expect(plan.found).toBe(1);
    expect(calls[0]).toMatchObject({ endpoint_id: "e2", event_type: "offer.updated", status: "dead_letter" });
  });
});

describe("running a bulk replay", () => {
  const items = () => [delivery({}), delivery({}), delivery({}), delivery({}), delivery({})];

  it("replays each once and counts delivered and failed first attempts", async () => {
    const sent: string[] = [];
    const replay: ReplayOne = (id) => {
      sent.push(id);
      return ok(sent.length === 2 ? "failed" : "delivered");
    };
    const list = items();
    const summary = await runReplay(list, replay, { concurrency: 2 });
    expect(sent.sort()).toEqual(list.map((d) => d.id).sort());
    expect(summary.delivered).toHaveLength(4);
    expect(summary.failed).toHaveLength(1);
    expect(summary.stopped).toBeNull();
  });

  it("waits out a 429's Retry-After and sends the same dead letter again, never failing for it", async () => {
    const waits: number[] = [];
    let calls = 0;
    const replay: ReplayOne = () => {
      calls++;
      if (calls === 2) {
        return Promise.reject(
          new ClosientError(429, "RATE_LIMITED", "Too many requests", null, { "retry-after": "7" }),
        );
      }
      return ok();
    };
    const summary = await runReplay(items(), replay, {
      concurrency: 1,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect(waits).toEqual([7000]);
    expect(calls).toBe(6);
    expect(summary.delivered).toHaveLength(5);
  });

  it("paces itself when the window's remaining requests run low", async () => {
    const waits: number[] = [];
    let left = 3;
    const replay: ReplayOne = () =>
      ok("delivered", { "ratelimit-remaining": String(left--), "ratelimit-reset": "2" });
    await runReplay(items(), replay, {
      concurrency: 2,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((ms) => ms === 2000)).toBe(true);
  });

  it("stops cleanly when the upstream is down, and leaves the rest for a resume", async () => {
    let calls = 0;
    const replay: ReplayOne = () =>
      ++calls === 3
        ? Promise.reject(new ClosientError(502, "UPSTREAM_UNAVAILABLE", "Closient could not be reached."))
        : ok();
    const summary = await runReplay(items(), replay, { concurrency: 1 });
    expect(summary.delivered).toHaveLength(2);
    expect(summary.notAttempted).toBe(3);
    expect(summary.stopped).toMatchObject({ reason: "Closient could not be reached." });
  });

  it("takes a refusal as a skip with the upstream's message", async () => {
    const replay: ReplayOne = () =>
      Promise.reject(new ClosientError(422, "VALIDATION_ERROR", "Only dead letters can be replayed."));
    const summary = await runReplay(items().slice(0, 1), replay);
    expect(summary.skipped[0]!.reason).toBe("refused: Only dead letters can be replayed.");
  });

  it("stops launching on cancel", async () => {
    const controller = new AbortController();
    let calls = 0;
    const replay: ReplayOne = () => {
      if (++calls === 2) controller.abort();
      return ok();
    };
    const summary = await runReplay(items(), replay, { concurrency: 1, signal: controller.signal });
    expect(calls).toBe(2);
    expect(summary.stopped).toBe("cancelled");
    expect(summary.notAttempted).toBe(3);
  });
});

describe("the edges of a bulk replay", () => {
  const items = (n = 3) => Array.from({ length: n }, () => delivery({}));
  const recordSleeps = (waits: number[]) => (ms: number) => {
    waits.push(ms);
    return Promise.resolve();
  };

  it("looks since the oldest dead letter, whatever order the list comes in", async () => {
    const old = delivery({ created_at: "2026-11-28T10:00:01.000Z" });
    const recent = delivery({ created_at: "2026-11-28T10:00:09.000Z" });
    const replayOfOld = delivery({
      event_id: old.event_id,
      status: "dead_letter",
      created_at: "2026-11-28T10:00:05.000Z",
    });
    const oldestFirst = (query: DeliveryListFilters): Promise<Paginated<Delivery>> => {
      const rows = [old, replayOfOld, recent]
        .filter((r) => !query.status || r.status === query.status)
        .filter((r) => !query.created_after || r.created_at >= query.created_after);
      return Promise.resolve({
        data: rows,
        pagination: {
          page: 1,
          page_size: 50,
          total_count: rows.length,
          total_pages: 1,
          has_next: false,
          has_previous: false,
        },
      });
    };
    const plan = await planReplay(oldestFirst, {});
    expect(plan.skipped.map((s) => [s.delivery.id, s.reason])).toEqual([
      [old.id, "already replayed: a newer delivery of this event (dead letter) exists"],
    ]);
  });

  it("waits for the reset only when fewer requests are left than it sends at once, and the reset is ahead", async () => {
    const run = async (headers: Record<string, string>, concurrency = 2) => {
      const waits: number[] = [];
      await runReplay(items(1), () => ok("delivered", headers), { concurrency, sleep: recordSleeps(waits) });
      return waits;
    };
    expect(await run({ "ratelimit-remaining": "1", "ratelimit-reset": "3" })).toEqual([3000]);
    expect(await run({ "ratelimit-remaining": "0", "ratelimit-reset": "3" }, 1)).toEqual([3000]);
    expect(await run({ "ratelimit-remaining": "2", "ratelimit-reset": "3" })).toEqual([]);
    expect(await run({ "ratelimit-remaining": "1", "ratelimit-reset": "0" })).toEqual([]);
    expect(await run({ "ratelimit-remaining": "1" })).toEqual([]);
    expect(await run({ "ratelimit-reset": "3" })).toEqual([]);
    expect(await run({ "ratelimit-remaining": "soon", "ratelimit-reset": "3" })).toEqual([]);
    expect(await run({ "ratelimit-remaining": "-1", "ratelimit-reset": "3" })).toEqual([]);
  });

  it("after a 429 waits Retry-After, else RateLimit-Reset, else one second", async () => {
    const waitsFor = async (headers: Record<string, string>) => {
      const waits: number[] = [];
      let calls = 0;
      await runReplay(
        items(1),
        () =>
          ++calls === 1
            ? Promise.reject(new ClosientError(429, "RATE_LIMITED", "Slow down.", null, headers))
            : ok(),
        { sleep: recordSleeps(waits) },
      );
      return waits;
    };
    expect(await waitsFor({ "retry-after": "0" })).toEqual([0]);
    expect(await waitsFor({ "retry-after": "4", "ratelimit-reset": "9" })).toEqual([4000]);
    expect(await waitsFor({ "ratelimit-reset": "9" })).toEqual([9000]);
    expect(await waitsFor({ "retry-after": "later", "ratelimit-reset": "later" })).toEqual([1000]);
    expect(await waitsFor({})).toEqual([1000]);
  });

  it("really sleeps by default", async () => {
    let calls = 0;
    const started = Date.now();
    const summary = await runReplay(items(1), () =>
      ++calls === 1
        ? Promise.reject(
            new ClosientError(429, "RATE_LIMITED", "Slow down.", null, { "retry-after": "0.05" }),
          )
        : ok(),
    );
    expect(summary.delivered).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it("holds every worker at the shared wait, not only the one that hit the limit", async () => {
    const events: string[] = [];
    let calls = 0;
    let release: () => void = () => undefined;
    const sleep = () =>
      new Promise<void>((resolve) => {
        events.push("wait");
        release = () => {
          events.push("resume");
          resolve();
        };
      });
    const replay: ReplayOne = () => {
      events.push(`call ${++calls}`);
      if (calls === 1) return ok("delivered", { "ratelimit-remaining": "0", "ratelimit-reset": "1" });
      return ok();
    };
    const running = runReplay(items(4), replay, { concurrency: 2, sleep });
    await expect.poll(() => events.includes("wait")).toBe(true);
    const before = [...events];
    release();
    await running;
    // Once the wait began, no call was made until it ended.
    expect(before.filter((e) => e.startsWith("call")).length).toBeLessThanOrEqual(2);
    expect(events.indexOf("resume")).toBeLessThan(events.indexOf("call 3"));
  });

  it("reports progress as it goes, with the wait while it waits", async () => {
    const seen: Progress[] = [];
    let calls = 0;
    await runReplay(
      items(2),
      () => (++calls === 1 ? ok("delivered", { "ratelimit-remaining": "0", "ratelimit-reset": "2" }) : ok()),
      { concurrency: 1, sleep: () => Promise.resolve(), onProgress: (p) => seen.push({ ...p }) },
    );
    expect(seen).toEqual([
      { done: 0, total: 2, waitingSeconds: null },
      { done: 0, total: 2, waitingSeconds: 2 },
      { done: 0, total: 2, waitingSeconds: null },
      { done: 1, total: 2, waitingSeconds: null },
      { done: 2, total: 2, waitingSeconds: null },
    ]);
  });

  it("keeps a failed first attempt with its result", async () => {
    const [one] = items(1);
    const summary = await runReplay([one!], () => ok("failed"));
    expect(summary.failed).toEqual([
      {
        delivery: one,
        result: { delivery_id: "new", status: "failed", http_status_code: 500, response_body: "" },
      },
    ]);
  });

  it("skips what Closient refuses (4xx), and stops on a refused key, a 5xx or anything else", async () => {
    const outcome = async (error: unknown) => {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- some are no Error, on purpose
      const summary = await runReplay(items(1), () => Promise.reject(error));
      return {
        skipped: summary.skipped.map((s) => s.reason),
        stopped: summary.stopped,
        left: summary.notAttempted,
      };
    };
    expect(await outcome(new ClosientError(400, "BAD_REQUEST", "Odd."))).toEqual({
      skipped: ["refused: Odd."],
      stopped: null,
      left: 0,
    });
    expect((await outcome(new ClosientError(499, "BAD_REQUEST", "Odd."))).skipped).toEqual(["refused: Odd."]);
    // The error that stopped it is kept: the caller sends a 401 on to sign-in.
    const refused = new ClosientError(401, "UNAUTHORIZED", "Sign in.");
    expect(await outcome(refused)).toEqual({
      skipped: [],
      stopped: { reason: "Sign in.", error: refused },
      left: 1,
    });
    expect((await outcome(new ClosientError(500, "INTERNAL_ERROR", "Down."))).stopped).toMatchObject({
      reason: "Down.",
    });
    expect((await outcome(new ClosientError(399, "BAD_REQUEST", "Odd."))).stopped).toMatchObject({
      reason: "Odd.",
    });
    expect((await outcome(new TypeError("fetch failed"))).stopped).toMatchObject({ reason: "fetch failed" });
    expect((await outcome("a string")).stopped).toEqual({
      reason: "The replay could not be sent.",
      error: "a string",
    });
  });
});

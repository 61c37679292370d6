import { describe, expect, it } from "vitest";
import type { FailingEndpoint } from "@/lib/deliveries/diagnosis";
import { transitions, type KnownState } from "./rule";

const NOW = Date.parse("2026-12-07T12:00:00.000Z");
const at = (min: number) => new Date(NOW - min * 60_000).toISOString();
const rule = { failingAfter: 3, remindEveryHours: null };

function failing(id: string, run: Partial<FailingEndpoint["run"]>, sinceMin = 30): FailingEndpoint {
  return {
    endpointId: id,
    counts: { dead_letter: 0, failed: 0, rate_limited: 0, ...run },
    run: { dead_letter: 0, failed: 0, rate_limited: 0, ...run },
    lastDelivered: null,
    failingSince: at(sinceMin),
    groups: [],
  };
}
const read = (all: FailingEndpoint[], newestDelivered: Record<string, string> = {}, deadLetters = {}) => ({
  all,
  newestDelivered,
  deadLetters,
});
const active = (...ids: string[]) => ids.map((id) => ({ id, is_active: true }));
const known = (entries: [string, KnownState][]) => new Map(entries);
const wasFailing = (sinceMin: number, remindedAt: string | null = null): KnownState => ({
  state: "failing",
  since: at(sinceMin),
  remindedAt,
  changedAt: at(sinceMin - 1),
});

describe("the watcher's rule", () => {
  it("fails an endpoint at N failures in a row, or at its first dead letter; not before", () => {
    const found = transitions(
      active("a", "b", "c"),
      known([]),
      read([failing("a", { failed: 2 }), failing("b", { failed: 3 }), failing("c", { dead_letter: 1 })]),
      rule,
      NOW,
    );
    expect(found.map((t) => `${t.endpointId}:${t.kind}`)).toEqual(["b:failing", "c:failing"]);
    expect(found[0]).toMatchObject({ since: at(30), reminder: false });
  });

  it("says nothing more while an endpoint stays failing, and nothing at all for a paused one", () => {
    expect(
      transitions(
        active("a"),
        known([["a", wasFailing(30)]]),
        read([failing("a", { failed: 9 })]),
        rule,
        NOW,
      ),
    ).toEqual([]);
    expect(
      transitions(
        [{ id: "p", is_active: false }],
        known([]),
        read([failing("p", { dead_letter: 4 })]),
        rule,
        NOW,
      ),
    ).toEqual([]);
  });

  it("recovers once a delivery got through after the failures began, with the dead letters that wait", () => {
    const found = transitions(
      active("a"),
      known([["a", wasFailing(30)]]),
      read([], { a: at(5) }, { a: [at(40), at(20), at(10)] }),
      rule,
      NOW,
    );
    expect(found).toEqual([
      { kind: "recovered", endpointId: "a", since: at(30), recoveredAt: at(5), deadLetters: 2 },
    ]);
  });

  it("does not call it recovered without a delivery that got through since (failures aged out of the read)", () => {
    expect(
      transitions(active("a"), known([["a", wasFailing(30)]]), read([], { a: at(45) }), rule, NOW),
    ).toEqual([]);
    expect(transitions(active("a"), known([["a", wasFailing(30)]]), read([]), rule, NOW)).toEqual([]);
  });

  it("reminds while still failing only when a reminder is set, once per its hours", () => {
    const state = known([["a", wasFailing(5 * 60)]]);
    const still = read([failing("a", { failed: 5 }, 5 * 60)]);
    expect(transitions(active("a"), state, still, rule, NOW)).toEqual([]);
    const remind = { failingAfter: 3, remindEveryHours: 4 };
    expect(transitions(active("a"), state, still, remind, NOW)).toMatchObject([
      { kind: "failing", reminder: true },
    ]);
    const reminded = known([["a", wasFailing(5 * 60, at(60))]]);
    expect(transitions(active("a"), reminded, still, remind, NOW)).toEqual([]);
  });

  it("fails again after a recovery: a new episode", () => {
    const recovered: KnownState = { state: "recovered", since: at(20), remindedAt: null, changedAt: at(20) };
    expect(
      transitions(active("a"), known([["a", recovered]]), read([failing("a", { failed: 3 }, 10)]), rule, NOW),
    ).toMatchObject([{ kind: "failing", since: at(10) }]);
  });
});

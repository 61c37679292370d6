import { describe as group, expect, it } from "vitest";
import {
  activityFiltersFrom,
  describe,
  exportRow,
  reportedActivitySchema,
  type ActivityEntry,
} from "./entry";

const entry = (over: Partial<ActivityEntry>): ActivityEntry => ({
  id: "0000000000000000000001",
  at: "2026-12-07T10:00:00.000Z",
  actor: { kind: "user", id: "u1", name: "alice@brand.example" },
  action: "endpoint.paused",
  target: { kind: "endpoint", id: "E1", name: "Warehouse sync" },
  outcome: "succeeded",
  error_code: null,
  request_id: "r1",
  changes: null,
  details: null,
  ...over,
});

group("an entry in words", () => {
  it("names who did what to which endpoint", () => {
    expect(describe(entry({}))).toBe("alice@brand.example paused Warehouse sync");
    expect(describe(entry({ action: "secret.rotated" }))).toBe(
      "alice@brand.example rotated the signing secret of Warehouse sync",
    );
    expect(
      describe(entry({ action: "log.exported", target: null, details: { rows: 1200, format: "csv" } })),
    ).toBe("alice@brand.example exported 1,200 deliveries as CSV");
    expect(describe(entry({ action: "endpoint.changed_elsewhere" }))).toBe(
      "Warehouse sync was changed outside the portal",
    );
    // An action this version does not know is still shown, by its own name.
    expect(describe(entry({ action: "endpoint.archived" }))).toBe("alice@brand.example: endpoint.archived");
  });

  it("exports a cell for each column, with the words and the changes on one line", () => {
    const row = exportRow(
      entry({
        action: "endpoint.updated",
        changes: { event_types: { added: ["product.recalled"], removed: [] } },
      }),
    );
    expect(row.summary).toBe("alice@brand.example edited Warehouse sync");
    expect(row.changes).toBe("Event types added: product.recalled");
  });
});

group("the page's filters", () => {
  it("turns a period into a time, and drops (and names) what does not parse", () => {
    const now = Date.parse("2026-12-07T12:00:00.000Z");
    const params = new URLSearchParams({
      since: "24h",
      action: "nope",
      actor: "bob@brand.example",
      cursor: "x",
    });
    expect(activityFiltersFrom(params, now)).toEqual({
      filters: { since: "2026-12-06T12:00:00.000Z", actor: "bob@brand.example" },
      period: "24h",
      dropped: ["action", "cursor"],
    });
  });
});

group("what the browser may report", () => {
  it("takes a bulk replay's end or an export, strictly", () => {
    expect(
      reportedActivitySchema.safeParse({
        action: "bulk_replay.cancelled",
        run: "r-1",
        replayed: 2,
        not_attempted: 3,
      }).success,
    ).toBe(true);
    for (const bad of [
      { action: "endpoint.paused" },
      { action: "bulk_replay.cancelled", run: "r-1", replayed: 2, not_attempted: 3, extra: 1 },
      { action: "log.exported", rows: -1, total: 0, format: "csv", filters: {} },
      { action: "bulk_replay.started", run: "has space", planned: 1, skipped: 0, filters: {} },
    ]) {
      expect(reportedActivitySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

import { describe, expect, it } from "vitest";

import { deliveryFiltersFrom, deliveryViewFrom } from "./log-filters";

describe("the log's filters read from the URL", () => {
  it("keeps the delivery filters that are valid and drops the others", () => {
    const id = "23456789ABCDEFGHJKLMNP";
    expect(deliveryFiltersFrom(new URLSearchParams(`status=dead_letter&endpoint_id=${id}&page=2`))).toEqual({
      page: 2,
      endpoint_id: id,
      status: "dead_letter",
      event_type: undefined,
      created_after: undefined,
      created_before: undefined,
    });
    expect(
      deliveryFiltersFrom(new URLSearchParams("status=lost&endpoint_id=nope&event_type=offer.updated")),
    ).toEqual({
      page: 1,
      endpoint_id: undefined,
      status: undefined,
      event_type: "offer.updated",
      created_after: undefined,
      created_before: undefined,
    });
  });

  it("names what it dropped, and turns a time preset into created_after", () => {
    const now = Date.parse("2026-11-28T12:00:00Z");
    const view = deliveryViewFrom(
      new URLSearchParams("status=lost&since=24h&created_before=2026-11-01T00:00:00Z&page=x"),
      now,
    );
    expect(view.dropped.sort()).toEqual(["page", "status"]);
    expect(view.since).toBe("24h");
    expect(view.filters.created_after).toBe("2026-11-27T12:00:00.000Z");
    expect(view.filters.created_before).toBeUndefined(); // the preset wins over a custom range
    const custom = deliveryViewFrom(
      new URLSearchParams("since=2w&created_after=2026-11-01T00:00:00Z&created_before=yesterday"),
      now,
    );
    expect(custom.dropped.sort()).toEqual(["created_before", "since"]);
    expect(custom.filters.created_after).toBe("2026-11-01T00:00:00Z");
  });
});

import { describe, expect, it } from "vitest";
import { endpointLabels, endpointName, matchEndpoint } from "@/lib/endpoints/names";
import { filterChips, filterNotice, logHref } from "./log-view";

const ID = "23456789ABCDEFGHJKLMNP";
const endpoints = [
  { id: "A".repeat(22), url: "https://orders.example.com/hooks", description: "Orders" },
  { id: "B".repeat(22), url: "https://orders-staging.example.com/hooks", description: "" },
  { id: "C".repeat(22), url: "https://erp.example.com/closient", description: "ERP" },
];

describe("the delivery log's view", () => {
  it("builds the log's URL, leaving page 1 out and keeping a time preset as the preset", () => {
    expect(logHref({ page: 1 })).toBe("/deliveries");
    expect(logHref({ page: 3, status: "dead_letter" })).toBe("/deliveries?page=3&status=dead_letter");
    expect(logHref({ page: 1, created_after: "2026-12-01T00:00:00.000Z" }, "24h")).toBe(
      "/deliveries?since=24h",
    );
  });

  it("shows each filter that applies as a chip that links to the log without it", () => {
    const chips = filterChips(
      { page: 2, status: "dead_letter", event_type: "offer.updated", endpoint_id: ID, created_after: "x" },
      "24h",
      (id) => (id === ID ? "Orders" : id),
    );
    expect(chips).toEqual([
      {
        name: "status",
        value: "dead letter",
        href: `/deliveries?event_type=offer.updated&endpoint_id=${ID}&since=24h`,
      },
      {
        name: "event type",
        value: "offer.updated",
        href: `/deliveries?status=dead_letter&endpoint_id=${ID}&since=24h`,
      },
      {
        name: "endpoint",
        value: "Orders",
        href: "/deliveries?status=dead_letter&event_type=offer.updated&since=24h",
      },
      {
        name: "time",
        value: "last 24h",
        href: `/deliveries?status=dead_letter&event_type=offer.updated&endpoint_id=${ID}`,
      },
    ]);
    expect(
      filterChips(
        { page: 1, created_after: "2026-12-01", created_before: "2026-12-02" },
        undefined,
        String,
      ).map((c) => [c.name, c.value, c.href]),
    ).toEqual([
      ["from", "2026-12-01", "/deliveries?created_before=2026-12-02"],
      ["to", "2026-12-02", "/deliveries?created_after=2026-12-01"],
    ]);
    expect(filterChips({ page: 4 }, undefined, String)).toEqual([]);
  });

  it("says which filters it left out, in words, and an endpoint it could not find", () => {
    expect(filterNotice([], null)).toBeNull();
    expect(filterNotice(["status", "created_after", "odd"], null)).toBe(
      "Left out of the filters, as they were not valid: status, from, odd.",
    );
    expect(filterNotice(["since"], "orders")).toBe(
      "Left out of the filters, as they were not valid: time. No single endpoint matches “orders”: pick one from the list, or paste its id.",
    );
  });
});

describe("naming endpoints", () => {
  it("matches a typed name or URL exactly first, then a single partial match, else none", () => {
    expect(matchEndpoint(" orders ", endpoints)).toBe("A".repeat(22));
    expect(matchEndpoint("https://orders-staging.example.com/hooks", endpoints)).toBe("B".repeat(22));
    expect(matchEndpoint("erp.example", endpoints)).toBe("C".repeat(22));
    expect(matchEndpoint("example.com", endpoints)).toBeNull();
    expect(matchEndpoint("nothing", endpoints)).toBeNull();
  });

  it("labels each id once, by name where known, else by the id", () => {
    const known = new Map(endpoints.map((e) => [e.id, e]));
    const labels = endpointLabels(["B".repeat(22), ID, "B".repeat(22)], known);
    expect([...labels]).toEqual([
      ["B".repeat(22), { name: "https://orders-staging.example.com/hooks", named: true }],
      [ID, { name: ID, named: false }],
    ]);
    expect(endpointName(endpoints[0]!)).toBe("Orders");
  });
});

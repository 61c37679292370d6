import { describe, expect, it } from "vitest";
import {
  deliveryResultSchema,
  deliverySchema,
  endpointSchema,
  paginatedSchema,
  whoamiSchema,
  withReference,
} from "./index";

const NOW = "2026-12-01T08:00:00.000Z";
const endpoint = {
  id: "EndpointAAAAAAAAAAAAAA",
  url: "https://example.com/hooks",
  description: "Orders",
  event_types: ["offer.updated"],
  is_active: true,
  metadata: { team: "ops" },
  signing_secret: "3834b27b...",
  created_at: NOW,
  updated_at: NOW,
};
const delivery = {
  id: "DeliveryAAAAAAAAAAAAAA",
  endpoint_id: endpoint.id,
  event_id: "evt_aaaaaaaaaaaaaaaaaaaaaaaa",
  event_type: "offer.updated",
  status: "failed",
  created_at: NOW,
  http_status_code: 503,
  response_body: "<html>down</html>",
  attempts: 2,
  last_attempted_at: NOW,
};

describe("reading Closient liberally", () => {
  it("reads a documented endpoint as it is", () => {
    expect(endpointSchema.parse(endpoint)).toEqual(endpoint);
  });

  it("drops fields it does not know, so they never reach the browser", () => {
    const read = endpointSchema.parse({ ...endpoint, rate_limit: { per_second: 5 }, secret_full: "x" });
    expect(Object.keys(read).sort()).toEqual(Object.keys(endpoint).sort());
  });

  it("reads null optional text, lists and metadata as empty", () => {
    const nulls = { description: null, event_types: null, metadata: null, signing_secret: null };
    expect(endpointSchema.parse({ ...endpoint, ...nulls })).toMatchObject({
      description: "",
      event_types: [],
      metadata: {},
      signing_secret: "",
    });
  });

  it("keeps what it can of a list or metadata with odd items", () => {
    const read = endpointSchema.parse({
      ...endpoint,
      event_types: ["offer.updated", 42, null, "inventory.restocked"],
      metadata: { tier: 3, owner: "erp", gone: null },
    });
    expect(read.event_types).toEqual(["offer.updated", "inventory.restocked"]);
    expect(read.metadata).toEqual({ owner: "erp" });
    expect(endpointSchema.parse({ ...endpoint, metadata: ["a"] }).metadata).toEqual({});
  });

  it("falls back to the creation time for a missing or unreadable update time", () => {
    expect(endpointSchema.parse({ ...endpoint, updated_at: null }).updated_at).toBe(NOW);
    expect(endpointSchema.parse({ ...endpoint, updated_at: "soon" }).updated_at).toBe(NOW);
    const later = "2026-12-02T08:00:00.000Z";
    expect(endpointSchema.parse({ ...endpoint, updated_at: later }).updated_at).toBe(later);
  });

  it("refuses an endpoint it cannot show: no id, no URL, no state, no creation time", () => {
    for (const broken of [
      { ...endpoint, id: undefined },
      { ...endpoint, id: "" },
      { ...endpoint, url: null },
      { ...endpoint, is_active: "yes" },
      { ...endpoint, created_at: "yesterday" },
    ]) {
      expect(endpointSchema.safeParse(broken).success, JSON.stringify(broken)).toBe(false);
    }
  });

  it("keeps a delivery status and an event type it has never seen, by their own names", () => {
    const read = deliverySchema.parse({
      ...delivery,
      status: "retry_scheduled",
      event_type: "inventory.restocked",
    });
    expect(read.status).toBe("retry_scheduled");
    expect(read.event_type).toBe("inventory.restocked");
    expect(deliverySchema.safeParse({ ...delivery, status: "" }).success).toBe(false);
  });

  it("reads null numbers, bodies and times of a delivery as empty", () => {
    const read = deliverySchema.parse({
      ...delivery,
      endpoint_id: null,
      event_id: null,
      http_status_code: null,
      response_body: null,
      attempts: null,
      last_attempted_at: null,
    });
    expect(read).toMatchObject({
      endpoint_id: "",
      event_id: "",
      http_status_code: null,
      response_body: "",
      attempts: 0,
      last_attempted_at: null,
    });
    const odd = deliverySchema.parse({
      ...delivery,
      http_status_code: 5.5,
      attempts: -1,
      last_attempted_at: "soon",
    });
    expect(odd).toMatchObject({ http_status_code: null, attempts: 0, last_attempted_at: null });
  });

  it("reads a test or replay result with a new status and null fields, and cuts a long body", () => {
    const result = deliveryResultSchema.parse({
      delivery_id: delivery.id,
      status: "queued",
      http_status_code: null,
      response_body: "x".repeat(300),
      region: "eu",
    });
    expect(result).toEqual({
      delivery_id: delivery.id,
      status: "queued",
      http_status_code: null,
      response_body: "x".repeat(256),
    });
    expect(
      deliveryResultSchema.parse({ delivery_id: delivery.id, status: "delivered" }).response_body,
    ).toBeNull();
  });

  it("reads whoami with nulls, a new role and an organization without an id", () => {
    const who = whoamiSchema.parse({
      user_id: null,
      email: null,
      organizations: [{ name: "No id" }, { id: "OrgAAAAAAAAAAAAAAAAAAA", name: null }],
      metadata: null,
      api_key: { created: NOW, description: null, id: "k", metadata: null, role: "auditor" },
      plan: "enterprise",
    });
    expect(who.organizations).toEqual([{ id: "OrgAAAAAAAAAAAAAAAAAAA", name: "" }]);
    expect(who.api_key).toMatchObject({ role: "auditor", description: "", metadata: {} });
    expect(whoamiSchema.parse({ organizations: null, api_key: "odd" })).toMatchObject({
      organizations: [],
      api_key: null,
    });
  });
});

describe("a page of rows", () => {
  const page = paginatedSchema(deliverySchema);
  const pagination = {
    page: 2,
    page_size: 3,
    total_count: 7,
    total_pages: 3,
    has_next: true,
    has_previous: true,
  };

  it("leaves out the rows it cannot read, says which and why, and keeps the others", () => {
    const read = page.parse({
      data: [delivery, { ...delivery, id: undefined }, { ...delivery, id: "Second", created_at: 5 }],
      pagination,
    });
    expect(read.data.map((d) => d.id)).toEqual([delivery.id]);
    expect(read.unreadable).toEqual([
      { index: 1, id: null, problems: [expect.stringMatching(/^id: /)] },
      { index: 2, id: "Second", problems: [expect.stringMatching(/^created_at: /)] },
    ]);
    expect(read.pagination).toEqual(pagination);
  });

  it("never logs a row's values, only its id and the fields at fault", () => {
    const read = page.parse({ data: [{ ...delivery, id: 7, response_body: "secret-body" }], pagination });
    expect(JSON.stringify(read.unreadable)).not.toContain("secret-body");
    expect(read.unreadable[0]).toMatchObject({ index: 0, id: null });
  });

  it("works out pagination that is missing or odd from the rows", () => {
    expect(page.parse({ data: [delivery, delivery] }).pagination).toEqual({
      page: 1,
      page_size: 2,
      total_count: 2,
      total_pages: 1,
      has_next: false,
      has_previous: false,
    });
    const partial = page.parse({ data: [delivery], pagination: { page: 3, page_size: 1, total_count: 5 } });
    expect(partial.pagination).toEqual({
      page: 3,
      page_size: 1,
      total_count: 5,
      total_pages: 5,
      has_next: true,
      has_previous: true,
    });
    expect(page.parse({ data: [], pagination: null }).pagination).toMatchObject({ page: 1, total_count: 0 });
  });

  it("fails only when there is no list at all", () => {
    expect(page.safeParse({ items: "not a page" }).success).toBe(false);
    expect(page.safeParse({ data: "rows" }).success).toBe(false);
    expect(page.safeParse(null).success).toBe(false);
  });
});

describe("the reference shown with a failure", () => {
  it("names the request id after the message, and nothing without one", () => {
    expect(withReference("Closient could not be reached.", "abc-123")).toBe(
      "Closient could not be reached. Reference: abc-123",
    );
    expect(withReference("Closient could not be reached.", null)).toBe("Closient could not be reached.");
  });
});

describe("rows that are not objects at all", () => {
  it("are left out with no id, and the id of a long one is cut for the log", () => {
    const page = paginatedSchema(deliverySchema).parse({ data: [null, "row", 5, { id: "x".repeat(100) }] });
    expect(page.data).toEqual([]);
    expect(page.unreadable.map((r) => [r.index, r.id])).toEqual([
      [0, null],
      [1, null],
      [2, null],
      [3, "x".repeat(64)],
    ]);
    expect(page.unreadable[0]!.problems).toEqual([expect.stringMatching(/^row: /)]);
    const nested = paginatedSchema(
      whoamiSchema.pick({ api_key: true }).extend({ deep: deliverySchema.pick({ id: true }) }),
    );
    expect(nested.parse({ data: [{ deep: {} }] }).unreadable[0]!.problems).toEqual([
      expect.stringMatching(/^deep\.id: /),
    ]);
  });

  it("read a timestamp only when it is a date, and a count only when it is whole and not negative", () => {
    expect(deliverySchema.parse({ ...delivery, last_attempted_at: 5 }).last_attempted_at).toBeNull();
    expect(deliverySchema.parse({ ...delivery, attempts: 0 }).attempts).toBe(0);
    expect(
      deliveryResultSchema.parse({ delivery_id: "d", status: "queued", response_body: 7 }).response_body,
    ).toBeNull();
  });

  it("work out the total from the page when only the total is missing", () => {
    const read = paginatedSchema(deliverySchema).parse({
      data: [delivery],
      pagination: { page: 3, page_size: 2, has_next: false, has_previous: false },
    });
    expect(read.pagination).toMatchObject({ total_count: 5, total_pages: 3, has_previous: false });
    const odd = paginatedSchema(deliverySchema).parse({
      data: [],
      pagination: { page: -2, total_count: 1.5 },
    });
    expect(odd.pagination).toMatchObject({ page: 1, total_count: 0, has_previous: false });
  });
});

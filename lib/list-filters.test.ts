import { describe, expect, it } from "vitest";

import { deliveryFiltersFrom, endpointFiltersFrom } from "@/lib/list-filters";

describe("list filters read from the URL", () => {
  it("reads the endpoint list's page and metadata filters", () => {
    expect(endpointFiltersFrom(new URLSearchParams("page=3&metadata[env]=prod&metadata[team]=core"))).toEqual(
      {
        page: 3,
        metadata: { env: "prod", team: "core" },
      },
    );
    expect(endpointFiltersFrom(new URLSearchParams("page=0"))).toEqual({ page: 1, metadata: {} });
  });

  it("keeps the delivery filters that are valid and drops the others", () => {
    const id = "23456789ABCDEFGHJKLMNP";
    expect(deliveryFiltersFrom(new URLSearchParams(`status=dead_letter&endpoint_id=${id}&page=2`))).toEqual({
      page: 2,
      endpoint_id: id,
      status: "dead_letter",
      event_type: undefined,
    });
    expect(
      deliveryFiltersFrom(new URLSearchParams("status=lost&endpoint_id=nope&event_type=offer.updated")),
    ).toEqual({
      page: 1,
      endpoint_id: undefined,
      status: undefined,
      event_type: "offer.updated",
    });
  });
});

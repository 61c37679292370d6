import { describe, expect, it } from "vitest";
import { endpointFiltersFrom } from "./list-filters";

describe("the endpoint list's filters read from the URL", () => {
  it("reads the endpoint list's page and metadata filters", () => {
    expect(endpointFiltersFrom(new URLSearchParams("page=3&metadata[env]=prod&metadata[team]=core"))).toEqual(
      {
        page: 3,
        metadata: { env: "prod", team: "core" },
      },
    );
    expect(endpointFiltersFrom(new URLSearchParams("page=0"))).toEqual({ page: 1, metadata: {} });
  });
});

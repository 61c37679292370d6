import { describe, expect, it } from "vitest";
import { changeLines, endpointChanges, type EndpointFields } from "./changes";

const base: EndpointFields = {
  url: "https://a.example/h",
  description: "Orders",
  event_types: ["offer.updated"],
  metadata: { team: "core", env: "prod" },
  is_active: true,
};

describe("what an edit changed", () => {
  it("names each field that differs, before and after, and nothing that does not", () => {
    const after = {
      ...base,
      url: "https://b.example/h",
      event_types: ["product.recalled"],
      metadata: { team: "platform", region: "eu" },
      is_active: false,
    };
    expect(endpointChanges(base, after)).toEqual({
      url: { before: "https://a.example/h", after: "https://b.example/h" },
      event_types: { added: ["product.recalled"], removed: ["offer.updated"] },
      metadata: {
        set: { team: { before: "core", after: "platform" }, region: { before: null, after: "eu" } },
        removed: { env: "prod" },
      },
      is_active: { before: true, after: false },
    });
    expect(endpointChanges(base, { ...base, metadata: { env: "prod", team: "core" } })).toBeNull();
  });

  it("puts them in words; a field that was empty reads as set", () => {
    const empty = { url: "", description: "", event_types: [], metadata: {}, is_active: true };
    expect(changeLines(endpointChanges(empty, base)!)).toEqual([
      "URL: https://a.example/h",
      'Description: "Orders"',
      "Event types added: offer.updated",
      'Metadata team set to "core"',
      'Metadata env set to "prod"',
    ]);
    expect(
      changeLines(
        endpointChanges(base, { ...base, description: "Orders (EU)", metadata: { team: "core" } })!,
      ),
    ).toEqual(['Description: "Orders" → "Orders (EU)"', 'Metadata env removed (was "prod")']);
  });
});

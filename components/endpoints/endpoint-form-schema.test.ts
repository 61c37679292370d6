import { describe, expect, it } from "vitest";
import type { Endpoint } from "@/lib/closient";
import {
  endpointFormSchema,
  formFieldOf,
  formValuesOf,
  toCreateBody,
  toUpdateBody,
} from "./endpoint-form-schema";

const endpoint: Endpoint = {
  id: "23456789ABCDEFGHJKLMNP",
  url: "https://a.example/hook",
  description: "before",
  event_types: ["offer.updated"],
  is_active: true,
  metadata: { team: "core", env: "staging" },
  signing_secret: "abcdef12...",
  created_at: "2026-11-27T08:00:00.000Z",
  updated_at: "2026-11-27T08:00:00.000Z",
};
const schema = endpointFormSchema({ allowHttp: false });
const parse = (values: unknown) => schema.parse(values);

describe("the endpoint form's bodies", () => {
  it("sends nothing when nothing changed", () => {
    expect(toUpdateBody(endpoint, parse(formValuesOf(endpoint)))).toEqual({});
  });

  it("sends only the changed fields, and metadata as a per-key diff", () => {
    const values = formValuesOf(endpoint);
    values.description = "after";
    values.metadata = [
      { key: "team", value: "platform" },
      { key: "region", value: "eu" },
    ];
    expect(toUpdateBody(endpoint, parse(values))).toEqual({
      description: "after",
      metadata: { team: "platform", region: "eu", env: "" },
    });
  });

  it("sends the whole event-type list when it changed", () => {
    const values = { ...formValuesOf(endpoint), event_types: ["offer.updated", "product.recalled"] };
    expect(toUpdateBody(endpoint, parse(values))).toEqual({
      event_types: ["offer.updated", "product.recalled"],
    });
  });

  it("turns metadata rows into the create body's record", () => {
    const values = { ...formValuesOf(endpoint), metadata: [{ key: "a", value: "1" }] };
    expect(toCreateBody(parse(values)).metadata).toEqual({ a: "1" });
  });

  it("refuses duplicate keys, empty values and http against the real API", () => {
    const result = schema.safeParse({
      ...formValuesOf(endpoint),
      url: "http://a.example/hook",
      metadata: [
        { key: "k", value: "1" },
        { key: "k", value: "" },
      ],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["url", "metadata.1.key", "metadata.1.value"]));
  });
});

describe("where an upstream 422 detail lands", () => {
  const rows = [{ key: "team" }, { key: "env" }];
  it.each([
    ["url", "url"],
    ["description", "description"],
    ["event_types.3", "event_types"],
    ["metadata.env", "metadata.1.key"],
    ["metadata", "metadata"],
    ["metadata.gone", "metadata"],
    ["is_active", "root"],
  ])("%s → %s", (field, expected) => {
    expect(formFieldOf({ field, message: "m" }, rows)).toBe(expected);
  });
});

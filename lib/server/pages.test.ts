import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { deliveryRow, endpointRow, fakeUpstream, pageOf, testEnv } from "../../harness/fake-upstream";
import { newShortUuid } from "@/lib/closient";
import { loadDelivery } from "./pages";

const upstream = await fakeUpstream();
testEnv(upstream.url);

const NOW = Date.parse("2026-12-01T08:00:00.000Z");
const session = {
  caller: { apiKey: "csb_pages", requestId: "req-pages" },
  info: {
    organization: { id: "org-pages", name: "Org" },
    key_description: "",
    role: "",
    actor: { kind: "key" as const, name: "CI key" },
    access: "admin" as const,
    sandbox: false,
  },
};

beforeEach(() => {
  upstream.seen.length = 0;
});
afterAll(() => upstream.close());

describe("the delivery page's loader", () => {
  // Ids the page accepts (the contract's alphabet): it answers not-found to any other.
  const endpointId = newShortUuid();
  const row = (status: string, at: number, extra: Record<string, unknown> = {}) =>
    deliveryRow(endpointId, status, at, { id: newShortUuid(), ...extra });
  const first = row("dead_letter", NOW, { event_id: "evt_same" });
  const replayed = row("delivered", NOW + 60_000, { event_id: "evt_same" });
  const other = row("delivered", NOW + 120_000);
  const ask = { deliveryId: first.id, endpointId, at: first.created_at };

  it("finds the delivery around its time, its replays and its endpoint's name", async () => {
    upstream.handle = (req, res) => {
      const url = new URL(req.url!, "http://x");
      if (url.pathname.endsWith("/deliveries/")) {
        const rows = url.searchParams.get("created_before") ? [first] : [other, replayed, first];
        return upstream.json(200, pageOf(rows))(req, res, "");
      }
      upstream.json(200, pageOf([endpointRow(endpointId, "Orders", "https://orders.example")]))(req, res, "");
    };
    const view = await loadDelivery(session, ask);
    expect(view.ok && view.data.delivery.id).toBe(first.id);
    expect(view.ok && view.data.newer?.map((d) => d.id)).toEqual([replayed.id]);
    expect(view.ok && view.data.endpointName).toBe("Orders");
  });

  it("says the replays could not be read, rather than that there are none", async () => {
    upstream.handle = (req, res) => {
      const url = new URL(req.url!, "http://x");
      if (url.pathname.endsWith("/deliveries/") && url.searchParams.get("created_before"))
        return upstream.json(200, pageOf([first]))(req, res, "");
      upstream.json(500, { error: { code: "INTERNAL_ERROR", message: "down", status: 500 } })(req, res, "");
    };
    const view = await loadDelivery(session, ask);
    expect(view.ok && view.data.delivery.id).toBe(first.id);
    expect(view.ok && view.data.newer).toBeNull();
  });

  it("answers the page's error when the delivery itself cannot be read", async () => {
    upstream.handle = (req, res) =>
      upstream.json(500, { error: { code: "INTERNAL_ERROR", message: "down", status: 500 } })(req, res, "");
    const view = await loadDelivery(session, ask);
    expect(view.ok).toBe(false);
    expect(!view.ok && view.message).toContain("req-pages");
  });
});

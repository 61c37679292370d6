import { sandboxClient } from "./sandbox-client";
import { WebhookReceiver } from "./receiver";

/**
 * A night on call, seeded through the sandbox's real API with real receivers: the data the phone
 * checks, the screenshots and bench:pages run on.
 *
 * - 24 endpoints with several event types, metadata and descriptions; one paused.
 * - 6 of them behind a proxy that answers 503 with its HTML error page (more than 256 characters,
 *   so each stored body is the 256 Closient keeps), one of them at a 2,048-character URL.
 * - 2 whose receiver refuses the signature with a JSON 401.
 * - 4 events, so 70-odd deliveries: delivered ones and dead letters. The sandbox must retry fast
 *   (a low SANDBOX_TIME_SCALE, as the e2e sandbox and bench:pages run it).
 */

const OUTAGE_EVENT_TYPES = ["offer.updated", "product.recalled", "product.updated", "retailer.created"];

/** An HTML error page as nginx sends it in front of a receiver that is down. */
export const PROXY_ERROR_PAGE = [
  "<html>",
  "<head><title>503 Service Temporarily Unavailable</title></head>",
  '<body bgcolor="white">',
  "<center><h1>503 Service Temporarily Unavailable</h1></center>",
  "<hr><center>nginx/1.25.3</center>",
  "<p>The upstream server is not answering. Request id 7f3a9c2e-4b1d-4e8a-9f6c-2d5e8b1a3c7f; retry later.</p>",
  "</body>",
  "</html>",
].join("\r\n");

export interface Outage {
  /** Every seeded endpoint's id, the failing ones first. */
  endpointIds: string[];
  /** The 503 behind the long URL, then the other failing ones. */
  failingIds: string[];
  longUrlId: string;
  pausedId: string;
  /** Every delivery the events created. */
  deliveryIds: string[];
  receivers: { healthy: WebhookReceiver; proxy: WebhookReceiver; auth: WebhookReceiver };
  close: () => Promise<void>;
}

export interface SeenDelivery {
  id: string;
  endpoint_id: string;
  event_id: string;
  status: string;
  created_at: string;
}

/** Every delivery of the organization that matches `query` (a query string), page by page. */
export async function allDeliveries(
  api: ReturnType<typeof sandboxClient>,
  query = "",
): Promise<SeenDelivery[]> {
  const all: SeenDelivery[] = [];
  for (let page = 1; ; page++) {
    const res = await api.get<{ data: SeenDelivery[]; pagination: { has_next: boolean } }>(
      `webhooks/deliveries/?page=${page}&page_size=50${query}`,
    );
    if (res.status !== 200) throw new Error(`listing deliveries: ${res.status} ${JSON.stringify(res.body)}`);
    all.push(...res.body.data);
    if (!res.body.pagination.has_next) return all;
  }
}

/** A URL of exactly `length` characters on `base`, as some receivers' signed query strings are. */
export function longUrl(base: string, length = 2048): string {
  const head = `${base}?token=`;
  return head + "a1b2c3d4e5f6".repeat(Math.ceil(length / 12)).slice(0, length - head.length);
}

/**
 * Seeds the outage into the organization of `key` on the sandbox at `sandboxUrl`, and waits until
 * every delivery has had its first attempt. The receivers keep answering until `close()`.
 */
export async function seedOutage(sandboxUrl: string, key: string): Promise<Outage> {
  const api = sandboxClient(sandboxUrl, key);
  const [healthy, proxy, auth] = await Promise.all([
    WebhookReceiver.start("/webhooks/closient"),
    WebhookReceiver.start("/hooks/closient/production"),
    WebhookReceiver.start("/api/v2/integrations/closient/events"),
  ]);
  proxy.respond = () => ({ status: 503, body: PROXY_ERROR_PAGE, headers: { "Content-Type": "text/html" } });
  auth.respond = () => ({
    status: 401,
    body: JSON.stringify({ error: "invalid_signature", message: "Signature does not match any secret." }),
    headers: { "Content-Type": "application/json" },
  });
  const close = () => Promise.all([healthy.close(), proxy.close(), auth.close()]).then(() => undefined);

  try {
    const create = async (i: number, url: string) => {
      const res = await api.post<{ id: string }>("webhooks/endpoints/", {
        url,
        description: `${["Order sync", "Price feed", "Recall alerts", "Catalogue mirror"][i % 4]} for the ${
          ["EU", "US", "APAC"][i % 3]
        } storefront, team ${["fulfilment", "pricing", "compliance", "catalogue"][i % 4]} (receiver ${i + 1})`,
        event_types: OUTAGE_EVENT_TYPES.slice(0, 2 + (i % 3)),
        metadata: {
          team: ["fulfilment", "pricing", "compliance", "catalogue"][i % 4]!,
          env: i % 5 === 0 ? "staging" : "production",
          region: ["eu-west-1", "us-east-1", "ap-southeast-2"][i % 3]!,
          owner: `oncall-${i % 6}@brand.example`,
        },
      });
      if (res.status !== 201)
        throw new Error(`seeding endpoint ${i}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id;
    };
    const longUrlId = await create(0, longUrl(proxy.url));
    const failingIds = [longUrlId];
    for (let i = 1; i < 6; i++) failingIds.push(await create(i, `${proxy.url}/${i}`));
    for (let i = 6; i < 8; i++) failingIds.push(await create(i, `${auth.url}?shop=${i}`));
    const endpointIds = [...failingIds];
    for (let i = 8; i < 24; i++) endpointIds.push(await create(i, `${healthy.url}/${i}`));
    const pausedId = endpointIds[endpointIds.length - 1]!;

    const deliveryIds: string[] = [];
    for (const [n, type] of OUTAGE_EVENT_TYPES.entries()) {
      const res = await api.post<{ delivery_ids: string[] }>("/_sandbox/events", {
        type,
        data: {
          gtin: `0001234567890${n}`,
          retailer: "Northwind Grocers",
          price: { amount: 1299 + n, currency: "EUR" },
        },
      });
      if (res.status !== 201) throw new Error(`emitting ${type}: ${res.status} ${JSON.stringify(res.body)}`);
      deliveryIds.push(...res.body.delivery_ids);
    }
    const paused = await api.patch(`webhooks/endpoints/${pausedId}/`, { is_active: false });
    if (paused.status !== 200) throw new Error(`pausing: ${paused.status} ${JSON.stringify(paused.body)}`);

    // Settled: every delivery to an active endpoint delivered or given up (the sandbox must retry
    // fast, SANDBOX_TIME_SCALE); the paused one's wait in the queue.
    const open = new Set(["pending", "failed", "rate_limited"]);
    for (let i = 0; ; i++) {
      const waiting = (await allDeliveries(api)).filter(
        (d) => open.has(d.status) && d.endpoint_id !== pausedId,
      );
      if (waiting.length === 0) break;
      if (i === 300)
        throw new Error(`${waiting.length} deliveries still retrying: is SANDBOX_TIME_SCALE low?`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
      endpointIds,
      failingIds,
      longUrlId,
      pausedId,
      deliveryIds,
      receivers: { healthy, proxy, auth },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

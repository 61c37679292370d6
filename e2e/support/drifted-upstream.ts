/**
 * A Closient that has moved on a little since the contract was written: new fields everywhere,
 * `null` where text, numbers, lists and metadata are optional, a delivery status and an event type
 * the portal has never seen, a pagination block with a field missing, and two rows it cannot
 * read at all (one without an id, one whose `is_active` is a string). The portal must show every
 * other row and fail nothing (e2e/api/tolerant-reader.spec.ts, e2e/tolerant-pages.spec.ts).
 *
 *   GET /_drift/seen → the X-Request-Id of every call, and how often readiness probed whoami
 */
import { createServer, type ServerResponse } from "node:http";
import { DRIFT } from "./env";

const port = Number(process.argv[2]);
const NOW = new Date().toISOString();
const seen: string[] = [];
let whoamiCalls = 0;

const [first, second, third, fourth] = DRIFT.endpoints;
const longUrl = `https://hooks.example.com/${"very-long-path-segment/".repeat(8)}closient`;

/** Readable endpoints (some with nulls and new values), then two that cannot be read. */
const endpoints = [
  {
    id: first,
    url: "https://orders.example.com/hooks",
    description: "Orders receiver",
    event_types: ["offer.updated", "inventory.restocked"],
    is_active: true,
    metadata: { team: "ops" },
    signing_secret: "3834b27b...",
    created_at: NOW,
    updated_at: NOW,
    rate_limit: { per_second: 5 }, // a field the portal does not know
    api_version: "2027-01-01",
  },
  {
    id: second,
    url: longUrl,
    description: null,
    event_types: null,
    is_active: false,
    metadata: null,
    signing_secret: "9a1b2c3d...",
    created_at: NOW,
    updated_at: null,
  },
  {
    id: third,
    url: "https://erp.example.com/closient",
    description: "ERP",
    event_types: ["product.recalled", 42, null],
    is_active: true,
    metadata: { tier: 3, owner: "erp-team" },
    signing_secret: null,
    created_at: NOW,
    updated_at: NOW,
  },
  {
    id: fourth,
    url: "https://staging.example.com/hooks",
    description: "Staging",
    event_types: ["offer.updated"],
    is_active: true,
    metadata: {},
    signing_secret: "00ff00ff...",
    created_at: NOW,
    updated_at: "not a date",
  },
  { url: "https://no-id.example.com", is_active: true, created_at: NOW },
  { id: "BrokenActiveFlag234567", url: "https://x.example.com", is_active: "yes", created_at: NOW },
];

const deliveries = [
  {
    id: DRIFT.deliveries[0],
    endpoint_id: first,
    event_id: "evt_drift00000000000000000001",
    event_type: "inventory.restocked",
    status: "retry_scheduled", // a status the portal has never seen
    created_at: NOW,
    http_status_code: null,
    response_body: null,
    attempts: null,
    last_attempted_at: null,
    latency_ms: 120,
  },
  {
    id: DRIFT.deliveries[1],
    endpoint_id: first,
    event_id: "evt_drift00000000000000000002",
    event_type: "offer.updated",
    status: "dead_letter",
    created_at: NOW,
    http_status_code: 502,
    response_body:
      "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
    attempts: 8,
    last_attempted_at: NOW,
  },
  {
    id: DRIFT.deliveries[2],
    endpoint_id: second,
    event_id: null,
    event_type: "offer.updated",
    status: "delivered",
    created_at: NOW,
    http_status_code: 200,
    response_body: "ok",
    attempts: 1,
    last_attempted_at: "soon",
  },
  { endpoint_id: first, status: "failed", created_at: NOW },
];

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

/** The documented envelope with one field missing and one the portal does not know. */
function page(rows: unknown[]) {
  return {
    data: rows,
    pagination: { page: 1, page_size: 50, total_count: rows.length, has_next: false, next_cursor: null },
  };
}

const result = (id: string) => ({
  delivery_id: id,
  status: "queued",
  http_status_code: null,
  response_body: null,
  region: "eu-west-1",
});

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://drift");
  const id = req.headers["x-request-id"];
  if (typeof id === "string") seen.push(id);
  if (url.pathname === "/_drift/seen")
    return send(res, 200, { request_ids: seen, whoami_calls: whoamiCalls });
  if (url.pathname.endsWith("/whoami/") || url.pathname.endsWith("/whoami")) {
    whoamiCalls++;
    return send(res, 401, { error: { code: "UNAUTHORIZED", message: "API key missing.", status: 401 } });
  }
  const path = url.pathname.replace(/^.*\/webhooks\//, "");
  const endpointId = url.searchParams.get("endpoint_id");
  const status = url.searchParams.get("status");
  if (path === "endpoints/" && req.method === "GET") return send(res, 200, page(endpoints));
  if (path === "deliveries/" && req.method === "GET") {
    const rows = deliveries.filter(
      (d) => (!endpointId || d.endpoint_id === endpointId) && (!status || d.status === status),
    );
    return send(res, 200, page(rows));
  }
  const one = /^endpoints\/([^/]+)\/(test\/|rotate-secret\/)?$/.exec(path);
  const endpoint = one ? endpoints.find((e) => "id" in e && e.id === one[1]) : undefined;
  if (one && endpoint) {
    if (one[2] === "test/") return send(res, 200, result(DRIFT.deliveries[0]));
    if (one[2] === "rotate-secret/") return send(res, 200, { ...endpoint, signing_secret: "f".repeat(64) });
    return send(res, 200, endpoint);
  }
  const replay = /^deliveries\/([^/]+)\/replay\/$/.exec(path);
  if (replay && req.method === "POST") return send(res, 200, result(replay[1]!));
  send(res, 404, { error: { code: "NOT_FOUND", message: "Not found.", status: 404, details: null } });
}).listen(port, "127.0.0.1", () => console.log(`drifted upstream on ${port}`));

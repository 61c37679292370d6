/**
 * A misbehaving upstream for the portal's failure paths. By path:
 *   GET .../webhooks/deliveries/?status=failed   → 401 envelope (the key was revoked)
 *   GET .../webhooks/deliveries/?status=pending  → 500 with an HTML page (unparseable)
 *   GET .../webhooks/deliveries/?status=delivered → 200 with a body of the wrong shape
 *   the endpoint RATE_LIMITED_ENDPOINT             → six dead letters, and a replay route that
 *                                                   answers 429 (Retry-After: 1) to every other call
 *                                                   and paces with RateLimit-* headers; each
 *                                                   accepted replay adds a delivered row
 *   GET /_stub/replays                           → how often each dead letter was replayed
 *   GET .../webhooks/deliveries/?event_type=fault.* → a fault: error (500 envelope), html, json
 *                                                   (cut mid-token), cut (the connection dropped
 *                                                   mid-body), rate (429, Retry-After: 7)
 *   GET .../webhooks/endpoints/                  → an empty page (names are not known here)
 *   anything else                                → accepted and never answered (a hang)
 */
import { createServer, type ServerResponse } from "node:http";
import { RATE_LIMITED_ENDPOINT } from "./env";

const port = Number(process.argv[2]);

const DEAD = Array.from({ length: 6 }, (_, i) => ({
  id: `DeadLetter${"ABCDEF"[i]}23456789ABCD`.slice(0, 22),
  endpoint_id: RATE_LIMITED_ENDPOINT,
  event_id: `evt_ratelimit${String(i).padStart(11, "0")}`,
  event_type: "offer.updated",
  status: "dead_letter",
  created_at: `2026-11-28T10:00:0${i}.000Z`,
  http_status_code: 500,
  response_body: "down",
  attempts: 8,
  last_attempted_at: `2026-11-28T10:00:0${i}.000Z`,
}));
const replays = new Map<string, number>();
const replayRows: typeof DEAD = [];
let replayCalls = 0;

function page(data: unknown[]) {
  return JSON.stringify({
    data,
    pagination: {
      page: 1,
      page_size: 50,
      total_count: data.length,
      total_pages: data.length ? 1 : 0,
      has_next: false,
      has_previous: false,
    },
  });
}

const envelope = (status: number, code: string, message: string) =>
  JSON.stringify({ error: { code, message, status, details: null } });

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { "Content-Type": type }).end(body);
}

/** Faults by the deliveries list's `event_type` (see FAULT_TYPES in env.ts). */
const FAULTS: Record<string, (res: ServerResponse) => void> = {
  "fault.error": (res) =>
    send(res, 500, "application/json", envelope(500, "INTERNAL_ERROR", "Closient fell over.")),
  "fault.html": (res) => send(res, 200, "text/html", "<!doctype html><title>Maintenance</title><p>Back soon"),
  "fault.json": (res) => send(res, 200, "application/json", '{"data": [{"id": '),
  "fault.cut": (res) => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "4096" });
    res.write('{"data": [');
    setTimeout(() => res.socket?.destroy(), 50);
  },
  "fault.rate": (res) => {
    res.writeHead(429, { "Content-Type": "application/json", "Retry-After": "7" });
    res.end(envelope(429, "RATE_LIMITED", "Too many requests."));
  },
};

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://stub");
  const status = url.searchParams.get("status");
  if (url.pathname === "/_stub/replays")
    return send(res, 200, "application/json", JSON.stringify(Object.fromEntries(replays)));
  if (url.pathname.endsWith("/webhooks/endpoints/") && req.method === "GET")
    return send(res, 200, "application/json", page([]));
  const replay = /\/webhooks\/deliveries\/([^/]+)\/replay\/$/.exec(url.pathname);
  if (replay && req.method === "POST") {
    const dead = DEAD.find((d) => d.id === replay[1]);
    if (!dead)
      return send(res, 404, "application/json", envelope(404, "NOT_FOUND", "No delivery with that id."));
    if (++replayCalls % 2 === 0) {
      res.writeHead(429, {
        "Content-Type": "application/json",
        "Retry-After": "1",
        "RateLimit-Remaining": "0",
        "RateLimit-Reset": "1",
      });
      return res.end(envelope(429, "RATE_LIMITED", "Too many requests."));
    }
    replays.set(dead.id, (replays.get(dead.id) ?? 0) + 1);
    const row = {
      ...dead,
      id: `New${dead.id.slice(3)}`,
      status: "delivered",
      created_at: new Date().toISOString(),
      attempts: 1,
      http_status_code: 200,
      response_body: "ok",
    };
    replayRows.unshift(row);
    res.writeHead(200, {
      "Content-Type": "application/json",
      "RateLimit-Remaining": "1",
      "RateLimit-Reset": "1",
    });
    return res.end(
      JSON.stringify({
        delivery_id: row.id,
        status: "delivered",
        http_status_code: 200,
        response_body: "ok",
      }),
    );
  }
  if (
    url.pathname.endsWith("/webhooks/deliveries/") &&
    url.searchParams.get("endpoint_id") === RATE_LIMITED_ENDPOINT
  ) {
    const rows = [...replayRows, ...DEAD].filter((d) => !status || d.status === status);
    return send(res, 200, "application/json", page(rows));
  }
  if (url.pathname.endsWith("/webhooks/deliveries/")) {
    if (status === "failed") {
      return send(res, 401, "application/json", envelope(401, "UNAUTHORIZED", "API key revoked."));
    }
    if (status === "pending")
      return send(res, 500, "text/html", "<html><body>Internal Server Error</body></html>");
    if (status === "delivered")
      return send(res, 200, "application/json", JSON.stringify({ items: "not a page" }));
    const fault = FAULTS[url.searchParams.get("event_type") ?? ""];
    if (fault) return fault(res);
  }
  // Otherwise: hold the request open and say nothing.
}).listen(port, "127.0.0.1", () => console.log(`stub upstream on ${port}`));

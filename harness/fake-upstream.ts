import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What a fake Closient saw of one call. */
export interface SeenCall {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/**
 * A real HTTP server standing in for Closient in unit tests of lib/server: each test sets
 * `handle`, and `seen` lists the calls it got.
 */
export async function fakeUpstream() {
  const seen: SeenCall[] = [];
  const state: { handle: Handler } = { handle: (_req, res) => res.writeHead(404).end() };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      state.handle(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    set handle(handler: Handler) {
      state.handle = handler;
    },
    json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
      return (_req, res) =>
        res.writeHead(status, { "Content-Type": "application/json", ...headers }).end(JSON.stringify(body));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The portal's environment for a unit test, pointed at `upstreamUrl`, with a store of its own in
 * a temporary file; set before env() is read.
 */
export function testEnv(upstreamUrl: string) {
  Object.assign(process.env, {
    CLOSIENT_API_URL: upstreamUrl,
    DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), "portal-unit-")), "portal.db")}`,
    SESSION_SECRET: "unit-test-session-secret-0123456789abcdef",
    UPSTREAM_TIMEOUT_MS: "300",
    UPSTREAM_SLOW_TIMEOUT_MS: "900",
    LOG_LEVEL: "silent",
  });
}

/** An endpoint as Closient answers it, for a fake upstream's lists. */
export function endpointRow(
  id: string,
  description: string,
  url = `https://${id.toLowerCase()}.example.com/hooks`,
) {
  const at = "2026-12-01T08:00:00.000Z";
  return {
    id,
    url,
    description,
    event_types: [],
    is_active: true,
    metadata: {},
    signing_secret: "abcdefgh...",
    created_at: at,
    updated_at: at,
  };
}

let rows = 0;
/** A 22-character id, new each call, that starts with `prefix`. */
export const testId = (prefix: string) => `${prefix}${String(++rows).padStart(22 - prefix.length, "A")}`;

/** A delivery as Closient answers it, a minute before `now` unless `extra` says otherwise. */
export function deliveryRow(
  endpoint: string,
  status: string,
  now: number,
  extra: Record<string, unknown> = {},
) {
  return {
    id: testId("D"),
    endpoint_id: endpoint,
    event_id: "evt_x",
    event_type: "offer.updated",
    status,
    created_at: new Date(now - 60_000).toISOString(),
    http_status_code: status === "delivered" ? 200 : 503,
    response_body: "",
    attempts: 1,
    last_attempted_at: null,
    ...extra,
  };
}

/** A page of `data` as Closient answers it: all of it, unless `more` says there is more. */
export function pageOf(data: unknown[], more: Record<string, unknown> = {}) {
  return {
    data,
    pagination: {
      page: 1,
      page_size: 50,
      total_count: data.length,
      total_pages: 1,
      has_next: false,
      has_previous: false,
      ...more,
    },
  };
}

/**
 * The portal's HTTP server: Next.js behind a plain Node server that gives every request an id,
 * writes one JSON log line for it, and stops gracefully. `npm start` runs it (PORT, HOST);
 * `--dev` serves `next dev` instead of the production build.
 *
 * On SIGTERM or SIGINT it stops accepting connections, lets the requests in flight finish (a test
 * ping or a replay waits for a receiver up to UPSTREAM_SLOW_TIMEOUT_MS), then exits 0. Requests
 * still open two seconds past that are cut.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createLogger, isSaneRequestId, REQUEST_ID_HEADER } from "./lib/log";
import { slowTimeoutFromEnv } from "./lib/timeouts";

const DRAIN_MARGIN_MS = 2_000;

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "127.0.0.1";
const slowTimeoutMs = slowTimeoutFromEnv();
const log = createLogger("http");

/** The client's id when it sent a sane one, else a new one; Next's code reads it from the request. */
function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const sent = req.headers[REQUEST_ID_HEADER];
  const id = isSaneRequestId(sent) ? sent : randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader("X-Request-Id", id);
  return id;
}

async function main() {
  const processEnv: Record<string, string | undefined> = process.env;
  processEnv.NODE_ENV ??= dev ? "development" : "production";
  const { default: next } = await import("next");
  const app = next({ dev, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const inFlight = new Set<ServerResponse>();
  let stopping = false;

  const server = createServer((req, res) => {
    const started = performance.now();
    const requestId = assignRequestId(req, res);
    inFlight.add(res);
    if (stopping) res.setHeader("Connection", "close");
    res.once("close", () => {
      inFlight.delete(res);
      log.info(
        {
          request_id: requestId,
          method: req.method,
          // The path only: a query holds filters, and nothing here needs them.
          route: (req.url ?? "/").split("?")[0],
          status: res.statusCode,
          duration_ms: Math.round((performance.now() - started) * 10) / 10,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        "request",
      );
      if (stopping && inFlight.size === 0) setImmediate(() => server.closeIdleConnections());
    });
    handle(req, res).catch((error: unknown) => {
      log.error(
        { request_id: requestId, error: error instanceof Error ? error.message : "thrown value" },
        "request failed",
      );
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
      res.end("Internal server error");
    });
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info(
      { signal, in_flight: inFlight.size },
      "stopping: no new connections, finishing requests in flight",
    );
    for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
    server.close(() => {
      log.info("stopped");
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      log.warn({ in_flight: inFlight.size }, "requests still in flight past the deadline are cut");
      server.closeAllConnections();
    }, slowTimeoutMs + DRAIN_MARGIN_MS).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  log.info({ url: `http://${hostname}:${port}`, dev }, "listening");
}

main().catch((error: unknown) => {
  log.fatal({ error: error instanceof Error ? error.message : String(error) }, "the portal could not start");
  process.exit(1);
});

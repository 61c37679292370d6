import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { methodNotAllowed } from "hono/method-not-allowed";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import {
  API_BASE,
  ClosientError,
  closientError,
  deliveryListQuerySchema,
  emitEventSchema,
  endpointListQuerySchema,
  endpointWriteSchemas,
  isShortUuid,
  parseApiKey,
  parseJsonBody,
  parseQuery,
  type DeliveryResult,
  type ErrorEnvelope,
} from "../lib/closient";
import type { Clock } from "./clock";
import type { RateLimiter } from "./rate-limit";
import type { ApiKeyRecord, AttemptOutcome, Organization, SandboxStore } from "./store";
import { inboxPage, mailPage, type Inbox } from "./inbox";
import { LEASE_MS, type DeliveryWorker } from "./worker";

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_DISCARD_BYTES = 64 * MAX_BODY_BYTES;

/** Reads `body` to its end and drops it; false when it cannot (already being read, or past `limit`). */
async function discard(body: ReadableStream<Uint8Array> | null, limit: number): Promise<boolean> {
  if (!body) return true;
  if (body.locked) return false;
  const reader = body.getReader();
  try {
    for (let read = 0; ;) {
      const { done, value } = await reader.read();
      if (done) return true;
      read += value.byteLength;
      if (read > limit) return false;
    }
  } catch {
    return false;
  } finally {
    reader.releaseLock();
  }
}

const { create: createSchema, update: updateSchema } = endpointWriteSchemas({ allowHttp: true });

type Env = { Variables: { org: Organization; apiKey: ApiKeyRecord } };

export interface AppDeps {
  store: SandboxStore;
  worker: DeliveryWorker;
  limiter: RateLimiter;
  clock: Clock;
  log: (line: string) => void;
  /** The local inbox (sandbox/inbox.ts), when the sandbox runs one. */
  inbox?: Inbox | null;
}

function errorResponse(c: Context, error: ClosientError) {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json<ErrorEnvelope>(error.toEnvelope(), error.status as ContentfulStatusCode);
}

const parseBody = async <T extends z.ZodType>(c: Context, schema: T) =>
  parseJsonBody(await c.req.text(), schema);

const query = <T extends z.ZodType>(c: Context, schema: T) =>
  parseQuery(new URL(c.req.url).searchParams, schema);

/** The documented answer of test and replay; no outcome yet means still queued. */
function deliveryResult(id: string, outcome: AttemptOutcome | null): DeliveryResult {
  if (!outcome) return { delivery_id: id, status: "pending", http_status_code: null, response_body: null };
  return {
    delivery_id: id,
    status: outcome.status,
    http_status_code: outcome.httpStatusCode,
    response_body: outcome.httpStatusCode === null ? null : outcome.responseBody,
  };
}

/** A path id outside the shortuuid pattern cannot name anything: 404, as for an unknown id. */
function pathId(c: Context, name: string): string {
  const id = c.req.param(name) ?? "";
  if (!isShortUuid(id)) throw new ClosientError(404, "NOT_FOUND", "The requested resource was not found.");
  return id;
}

export function createApp(deps: AppDeps) {
  const { store, worker, limiter, log } = deps;
  const app = new Hono<Env>({ strict: true });

  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        c.header("Allow", methods.join(", "));
        return errorResponse(c, closientError(405, "METHOD_NOT_ALLOWED"));
      },
    }),
  );
  app.use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: async (c) => {
        // Closing a connection with the body unread resets it, and the client can lose the 413 to
        // EPIPE; leaving the body unread breaks the client's next request on it. So the rest is
        // read and dropped (up to a bound) before the answer; past the bound, the connection closes.
        if (!(await discard(c.req.raw.body, MAX_DISCARD_BYTES))) c.header("Connection", "close");
        return errorResponse(c, new ClosientError(413, "BAD_REQUEST", "The body is larger than 1 MiB."));
      },
    }),
  );

  /** X-API-Key: shape and checksum first, then the lookup, then the key's rate limit. */
  let requestsServed = 0;
  const authenticate =
    (options: { webhooks: boolean }) => async (c: Context<Env>, next: () => Promise<void>) => {
      requestsServed++;
      const key = c.req.header("X-API-Key") ?? "";
      const parsed = parseApiKey(key);
      const found = parsed ? store.authenticate(key) : null;
      if (!parsed || !found) throw closientError(401, "UNAUTHORIZED");
      const rate = limiter.check(found.apiKey.id);
      for (const [name, value] of Object.entries(rate.headers)) c.header(name, value);
      if (!rate.allowed) throw closientError(429, "RATE_LIMITED", undefined, null, rate.headers);
      if (options.webhooks && parsed.prefix === "cpk") {
        throw new ClosientError(403, "FORBIDDEN", "Publishable keys cannot manage webhooks.");
      }
      c.set("org", found.org);
      c.set("apiKey", found.apiKey);
      await next();
    };

  app.use(`${API_BASE}/webhooks/*`, authenticate({ webhooks: true }));
  app.use("/account/api/v1/whoami", authenticate({ webhooks: false }));
  app.use("/_sandbox/events", authenticate({ webhooks: true }));

  app.get("/account/api/v1/whoami", (c) => {
    const org = c.get("org");
    const key = c.get("apiKey");
    return c.json({
      user_id: key.userId,
      email: key.email,
      organizations: [{ id: org.id, name: org.name }],
      metadata: {},
      api_key: {
        created: key.createdAt,
        description: key.description,
        id: key.id,
        metadata: {},
        role: key.role,
      },
    });
  });

  const endpoints = `${API_BASE}/webhooks/endpoints`;

  app.get(`${endpoints}/`, (c) => {
    return c.json(store.listEndpoints(c.get("org").id, query(c, endpointListQuerySchema)));
  });

  app.post(`${endpoints}/`, async (c) => {
    const input = await parseBody(c, createSchema);
    const endpoint = store.createEndpoint(c.get("org").id, input);
    log(`endpoint ${endpoint.id} created`);
    return c.json(endpoint, 201);
  });

  app.get(`${endpoints}/:id/`, (c) => c.json(store.getEndpoint(c.get("org").id, pathId(c, "id"))));

  app.patch(`${endpoints}/:id/`, async (c) => {
    const id = pathId(c, "id");
    store.getEndpoint(c.get("org").id, id);
    const patch = await parseBody(c, updateSchema);
    const endpoint = store.updateEndpoint(c.get("org").id, id, patch);
    if (patch.is_active) worker.kick();
    return c.json(endpoint);
  });

  app.post(`${endpoints}/:id/rotate-secret/`, (c) => {
    const endpoint = store.rotateSecret(c.get("org").id, pathId(c, "id"));
    log(`endpoint ${endpoint.id}: secret rotated`);
    return c.json(endpoint);
  });

  app.post(`${endpoints}/:id/test/`, async (c) => {
    const delivery = store.createPing(c.get("org").id, pathId(c, "id"));
    return c.json(deliveryResult(delivery.id, await worker.attemptNow(delivery, { retry: false })));
  });

  app.get(`${API_BASE}/webhooks/deliveries/`, (c) => {
    return c.json(store.listDeliveries(c.get("org").id, query(c, deliveryListQuerySchema)));
  });

  app.post(`${API_BASE}/webhooks/deliveries/:id/replay/`, async (c) => {
    const delivery = store.createReplay(c.get("org").id, pathId(c, "id"), LEASE_MS);
    // A paused endpoint receives nothing: the replay waits in the queue until it is resumed.
    if (!delivery.claimed) return c.json(deliveryResult(delivery.id, null));
    return c.json(deliveryResult(delivery.id, await worker.attemptNow(delivery, { retry: true })));
  });

  // ── sandbox-only (local): never under the real API's prefix ────────────────────────────────
  app.post("/_sandbox/events", async (c) => {
    const input = await parseBody(c, emitEventSchema);
    const result = store.emitEvent(c.get("org").id, input.type, input.data);
    if (result.delivery_ids.length > 0) worker.kick();
    return c.json(result, 201);
  });

  // `requests_served` counts authenticated API calls: a client can check what reached the API.
  app.get("/_sandbox/health", (c) => c.json({ status: "ok", requests_served: requestsServed }));

  // The local inbox: what the portal mailed through the sandbox's SMTP server.
  const { inbox } = deps;
  if (inbox) {
    const htmlHeaders = {
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'",
    };
    app.get("/_sandbox/inbox", (c) => c.html(inboxPage(inbox.mails()), 200, htmlHeaders));
    app.get("/_sandbox/inbox.json", (c) => c.json({ data: inbox.mails() }));
    app.get("/_sandbox/inbox/:id", (c) => {
      const mail = inbox.mails().find((m) => m.id === c.req.param("id"));
      if (!mail) throw closientError(404, "NOT_FOUND");
      return c.html(mailPage(mail), 200, htmlHeaders);
    });
  }

  app.notFound((c) => errorResponse(c, closientError(404, "NOT_FOUND")));
  app.onError((error, c) => {
    if (error instanceof ClosientError) return errorResponse(c, error);
    log(`internal error on ${c.req.method} ${c.req.path}: ${error.message}`);
    return errorResponse(c, closientError(500, "INTERNAL_ERROR"));
  });

  return app;
}

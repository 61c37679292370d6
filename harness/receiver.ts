import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SIGNATURE_HEADER, verifySignature, type VerifyResult, type WebhookEvent } from "../lib/closient";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: string;
  event: WebhookEvent;
  signature: string;
  receivedAt: number;
}

export interface Reply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * A real webhook receiver on loopback: records every POST with its raw body, answers with what
 * `respond` says (200 by default), and verifies signatures the way a customer's code would.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  respond: (webhook: ReceivedWebhook) => Reply = () => ({ status: 200, body: "ok" });
  /** Holds every answer back this long, to keep attempts in flight. */
  delayMs = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(path = "/webhooks"): Promise<WebhookReceiver> {
    const ref = {} as { current: WebhookReceiver };
    const server = createServer((req, res) => {
      const receiver = ref.current;
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const rawBody = Buffer.concat(chunks).toString("utf8");
        let event: WebhookEvent;
        try {
          event = JSON.parse(rawBody) as WebhookEvent;
        } catch {
          res.writeHead(400).end("not json");
          return;
        }
        const webhook: ReceivedWebhook = {
          headers: req.headers,
          rawBody,
          event,
          signature: String(req.headers[SIGNATURE_HEADER.toLowerCase()] ?? ""),
          receivedAt: Date.now(),
        };
        receiver.received.push(webhook);
        const reply = receiver.respond(webhook);
        const answer = () => {
          res.writeHead(reply.status, { "Content-Type": "text/plain", ...reply.headers });
          res.end(reply.body ?? "");
        };
        if (receiver.delayMs > 0) setTimeout(answer, receiver.delayMs);
        else answer();
        receiver.notify();
      });
    });
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    ref.current = new WebhookReceiver(server, `http://127.0.0.1:${port}${path}`);
    return ref.current;
  }

  private notify() {
    this.waiters = this.waiters.filter((w) => {
      if (this.received.length >= w.count) w.resolve();
      return this.received.length < w.count;
    });
  }

  /** Resolves once `count` webhooks have arrived in all; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs = 10_000): Promise<ReceivedWebhook[]> {
    if (this.received.length >= count) return Promise.resolve(this.received);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`expected ${count} webhooks, got ${this.received.length}`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.received);
        },
      });
    });
  }

  verify(webhook: ReceivedWebhook, secret: string, nowSeconds?: number): Promise<VerifyResult> {
    return verifySignature({ header: webhook.signature, body: webhook.rawBody, secret, nowSeconds });
  }

  async close() {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

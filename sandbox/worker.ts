import {
  DELIVERY_ID_HEADER,
  EVENT_TYPE_HEADER,
  MAX_DELIVERY_ATTEMPTS,
  RETRY_DELAYS_MS,
  RESPONSE_BODY_MAX_LENGTH,
  SIGNATURE_HEADER,
  signatureHeader,
  USER_AGENT,
  type DeliveryStatus,
} from "../lib/closient";
import type { Clock } from "./clock";
import { post } from "../lib/http-post";
import type { AttemptOutcome, DueDelivery, SandboxStore } from "./store";

const HOUR = 60 * 60_000;
export const ATTEMPT_TIMEOUT_MS = 10_000;
const RETRY_AFTER_CAP_MS = HOUR;
/** How long a claimed delivery stays invisible to other claims: the timeout plus a margin. */
export const LEASE_MS = ATTEMPT_TIMEOUT_MS + 5_000;
const IDLE_POLL_MS = 1_000;

export interface WorkerOptions {
  /** Multiplies every retry delay; 0.001 turns a minute into 60 ms. */
  timeScale: number;
  concurrency: number;
  attemptTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface HttpResult {
  httpStatusCode: number | null;
  responseBody: string;
  retryAfterMs: number | null;
}

function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

export class DeliveryWorker {
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private pumping = false;
  private kicked = false;
  private outcomes: { id: string; outcome: AttemptOutcome }[] = [];
  private flushing: Promise<void> | null = null;
  private readonly timeoutMs: number;

  constructor(
    private readonly store: SandboxStore,
    private readonly clock: Clock,
    private readonly options: WorkerOptions,
  ) {
    this.timeoutMs = options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS;
  }

  start() {
    this.running = true;
    this.kick();
  }

  /** Stops claiming work and waits for the attempts under way. */
  async stop() {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * New work may be due: look soon rather than at the next timer. Wake-ups within one turn of
   * the event loop are coalesced, so a burst of finished attempts makes one claim, not many.
   */
  kick() {
    if (!this.running || this.kicked) return;
    this.kicked = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    setImmediate(() => {
      this.kicked = false;
      this.pump();
    });
  }

  private pump() {
    if (!this.running || this.pumping) return;
    this.pumping = true;
    try {
      const free = this.options.concurrency - this.inFlight.size;
      const claimed = free > 0 ? this.store.claimDue(free, LEASE_MS) : [];
      for (const delivery of claimed) {
        const task = this.process(delivery).finally(() => {
          this.inFlight.delete(task);
          this.kick();
        });
        this.inFlight.add(task);
      }
      if (this.inFlight.size < this.options.concurrency) this.scheduleNext();
    } catch (error) {
      this.options.log?.(`worker: ${(error as Error).message}`);
      this.scheduleNext();
    } finally {
      this.pumping = false;
    }
  }

  private scheduleNext() {
    if (!this.running) return;
    const due = this.store.nextDueMs();
    const wait = due === null ? IDLE_POLL_MS : Math.min(IDLE_POLL_MS, Math.max(0, due - this.clock.now()));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pump(), wait);
    this.timer.unref();
  }

  private async process(delivery: DueDelivery) {
    const result = await this.send(delivery);
    await this.record(delivery.id, this.outcome(delivery.attempts + 1, result, true));
  }

  /**
   * Outcomes finished in the same turn of the event loop are written in one transaction: one
   * commit for many rows instead of one each.
   */
  private record(id: string, outcome: AttemptOutcome): Promise<void> {
    this.outcomes.push({ id, outcome });
    this.flushing ??= new Promise((resolve) =>
      setImmediate(() => {
        const batch = this.outcomes;
        this.outcomes = [];
        this.flushing = null;
        try {
          this.store.recordAttempts(batch);
        } catch (error) {
          this.options.log?.(
            `worker: recording ${batch.length} attempts failed: ${(error as Error).message}`,
          );
        }
        resolve();
      }),
    );
    return this.flushing;
  }

  /** One synchronous attempt for test and replay; a failed ping is never retried. */
  async attemptNow(delivery: DueDelivery, { retry }: { retry: boolean }): Promise<AttemptOutcome> {
    const result = await this.send(delivery);
    const outcome = this.outcome(delivery.attempts + 1, result, retry);
    this.store.recordAttempt(delivery.id, outcome);
    if (retry && outcome.nextAttemptMs !== null) this.kick();
    return outcome;
  }

  private outcome(attempt: number, result: HttpResult, retry: boolean): AttemptOutcome {
    const code = result.httpStatusCode;
    const base = { httpStatusCode: code, responseBody: result.responseBody };
    if (code !== null && code >= 200 && code < 300) {
      return { ...base, status: "delivered", nextAttemptMs: null };
    }
    const status: DeliveryStatus = code === 429 ? "rate_limited" : "failed";
    if (!retry) return { ...base, status, nextAttemptMs: null };
    if (attempt >= MAX_DELIVERY_ATTEMPTS) return { ...base, status: "dead_letter", nextAttemptMs: null };
    let delay = RETRY_DELAYS_MS[attempt - 1]!;
    if (code === 429 && result.retryAfterMs !== null) {
      delay = Math.max(delay, Math.min(result.retryAfterMs, RETRY_AFTER_CAP_MS));
    }
    return { ...base, status, nextAttemptMs: this.clock.now() + delay * this.options.timeScale };
  }

  /** Signs afresh and POSTs once: no redirects followed, a hard timeout, the body cut to 256. */
  async send(delivery: DueDelivery): Promise<HttpResult> {
    const nowMs = this.clock.now();
    const body = JSON.stringify({
      id: delivery.event_id,
      type: delivery.event_type,
      created_at: delivery.event_created_at,
      data: JSON.parse(delivery.event_data) as unknown,
    });
    const inGrace = delivery.previous_secret !== null && (delivery.previous_expires_ms ?? 0) > nowMs;
    const signature = await signatureHeader({
      secret: delivery.secret,
      previousSecret: inGrace ? delivery.previous_secret : null,
      timestamp: Math.floor(nowMs / 1000),
      body,
    });
    try {
      const response = await post(
        delivery.url,
        body,
        {
          "Content-Type": "application/json",
          "User-Agent": USER_AGENT,
          [SIGNATURE_HEADER]: signature,
          [EVENT_TYPE_HEADER]: delivery.event_type,
          [DELIVERY_ID_HEADER]: delivery.id,
        },
        { timeoutMs: this.timeoutMs, maxBody: RESPONSE_BODY_MAX_LENGTH },
      );
      const retryAfter = response.headers["retry-after"];
      return {
        httpStatusCode: response.status,
        responseBody: response.body,
        retryAfterMs: parseRetryAfter(typeof retryAfter === "string" ? retryAfter : null, nowMs),
      };
    } catch {
      return { httpStatusCode: null, responseBody: "", retryAfterMs: null };
    }
  }
}

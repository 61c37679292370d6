import type { Delivery, DeliveryListFilters, DeliveryResult, Paginated } from "@/lib/closient";
import { ClosientError } from "@/lib/closient/closient-error";
import { retryAfter, sleep as defaultSleep, waitAfter } from "./pacing";

/*
 * Replaying every dead letter that matches the log's filters, from the admin's browser through
 * the portal's replay route. Pure of any UI and of fetch: the caller passes the two operations,
 * so the rules below are tested without a browser (lib/deliveries/bulk-replay.test.ts) and driven for real
 * by e2e/recovery.spec.ts.
 *
 * The rule that keeps an event from being sent twice: a replayed dead letter stays `dead_letter`
 * upstream, with a newer row for the same event and endpoint beside it. So a dead letter whose
 * event already has a newer row for its endpoint is skipped as "already replayed", whoever
 * replayed it and when; asking again after a full run replays nothing.
 */

export type ListDeliveries = (query: DeliveryListFilters) => Promise<Paginated<Delivery>>;
export type ReplayOne = (id: string) => Promise<{ data: DeliveryResult; headers: Record<string, string> }>;

export interface Skipped {
  delivery: Delivery;
  reason: string;
}

export interface Plan {
  /** The dead letters that match, newest first. */
  found: number;
  replay: Delivery[];
  skipped: Skipped[];
}

async function everyPage(list: ListDeliveries, query: DeliveryListFilters, signal?: AbortSignal) {
  const rows: Delivery[] = [];
  for (let page = 1; ; page++) {
    signal?.throwIfAborted();
    const { data, pagination } = await list({ ...query, page, page_size: 50 });
    rows.push(...data);
    if (!pagination.has_next) return rows;
  }
}

/** Finds the dead letters and which of them were replayed already (one list per endpoint). */
export async function planReplay(
  list: ListDeliveries,
  filters: DeliveryListFilters,
  signal?: AbortSignal,
): Promise<Plan> {
  const dead = await everyPage(list, { ...filters, status: "dead_letter", page: undefined }, signal);
  const earliest = new Map<string, string>();
  for (const d of dead) {
    const seen = earliest.get(d.endpoint_id);
    if (!seen || d.created_at < seen) earliest.set(d.endpoint_id, d.created_at);
  }
  // Every row since the endpoint's oldest dead letter: what came after each one.
  const later = new Map<string, Delivery[]>();
  for (const [endpointId, since] of earliest) {
    later.set(endpointId, await everyPage(list, { endpoint_id: endpointId, created_after: since }, signal));
  }
  const replay: Delivery[] = [];
  const skipped: Skipped[] = [];
  for (const d of dead) {
    const newer = later
      .get(d.endpoint_id)!
      .find((row) => row.event_id === d.event_id && row.created_at > d.created_at);
    if (newer) {
      skipped.push({
        delivery: d,
        reason: `already replayed: a newer delivery of this event (${newer.status.replace("_", " ")}) exists`,
      });
    } else replay.push(d);
  }
  return { found: dead.length, replay, skipped };
}

export interface Progress {
  done: number;
  total: number;
  /** Set while the run waits for the upstream's rate limit. */
  waitingSeconds: number | null;
}

export interface Summary {
  delivered: Delivery[];
  /** Replayed, but the new delivery's first attempt failed: it is retried on the normal schedule. */
  failed: { delivery: Delivery; result: DeliveryResult }[];
  skipped: Skipped[];
  /** Not attempted: the run was cancelled or stopped. */
  notAttempted: number;
  /** Why the run stopped early; `error` is what stopped it, for the caller to act on (a 401). */
  stopped: "cancelled" | { reason: string; error: unknown } | null;
}

export interface RunOptions {
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Replays `items` with bounded concurrency. It paces itself by the `RateLimit-*` answers (when
 * no request is left in the window it waits for the reset) and waits out a 429's `Retry-After`
 * before trying the same dead letter again, so rate limits never fail it. An answer that the
 * upstream refuses (422, e.g. no longer a dead letter) is a skip with the upstream's message.
 * When the portal or Closient cannot be reached, the run stops cleanly: what was not attempted
 * can be resumed, and resuming skips what was replayed meanwhile.
 */
export async function runReplay(
  items: Delivery[],
  replayOne: ReplayOne,
  options: RunOptions = {},
): Promise<Summary> {
  const { concurrency = 4, signal, onProgress, sleep = defaultSleep } = options;
  const summary: Summary = { delivered: [], failed: [], skipped: [], notAttempted: 0, stopped: null };
  const queue = [...items];
  let done = 0;
  let gate: Promise<void> | null = null; // a shared wait for the rate limit
  let waiting: number | null = null;
  const report = () => onProgress?.({ done, total: items.length, waitingSeconds: waiting });

  const waitFor = (secs: number) => {
    waiting = secs;
    report();
    gate ??= sleep(secs * 1000).then(() => {
      gate = null;
      waiting = null;
      report();
    });
    return gate;
  };

  const worker = async () => {
    while (queue.length && !summary.stopped) {
      if (signal?.aborted) {
        summary.stopped = "cancelled";
        break;
      }
      if (gate) await gate;
      const delivery = queue.shift()!;
      for (;;) {
        try {
          const { data, headers } = await replayOne(delivery.id);
          if (data.status === "delivered") summary.delivered.push(delivery);
          else summary.failed.push({ delivery, result: data });
          const wait = waitAfter(headers, concurrency);
          if (wait > 0) await waitFor(wait);
          break;
        } catch (error) {
          const wait = retryAfter(error);
          if (wait !== null) {
            await waitFor(wait);
            continue; // the same dead letter again
          }
          if (
            error instanceof ClosientError &&
            error.status >= 400 &&
            error.status < 500 &&
            error.status !== 401
          ) {
            summary.skipped.push({ delivery, reason: `refused: ${error.message}` });
            break;
          }
          queue.unshift(delivery); // not attempted: it stays for a resume
          summary.stopped = {
            reason: error instanceof Error ? error.message : "The replay could not be sent.",
            error,
          };
          return;
        }
      }
      done++;
      report();
    }
  };
  report();
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  summary.notAttempted = queue.length;
  return summary;
}

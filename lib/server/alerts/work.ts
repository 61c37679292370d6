import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "../env";
import { log } from "../log";
import { portalStore } from "../portal-store";
import { claimDue, deliver } from "./outbox";
import { releaseLease, takeLease } from "./lease";
import { runCycle } from "./watcher";

/*
 * The alerts' background work in this process. The watcher runs where the `watcher` lease is held
 * (one instance at a time, through the store); the outbox runs on every instance, each claiming
 * different rows. Started once from instrumentation.ts.
 */

const HOLDER = `${process.pid}-${randomBytes(6).toString("hex")}`;
const OUTBOX_TICK_MS = 500;
const MAX_IN_FLIGHT = 50;

interface Work {
  watcher: NodeJS.Timeout | null;
  outbox: NodeJS.Timeout | null;
  inFlight: number;
  cycling: boolean;
  cycles: number;
}
const work = ((globalThis as { __alertWork?: Work }).__alertWork ??= {
  watcher: null,
  outbox: null,
  inFlight: 0,
  cycling: false,
  cycles: 0,
});

const message = (error: unknown) => (error instanceof Error ? error.message : "unknown");

/** One watcher cycle, if this instance holds (or takes) the lease. */
async function cycle() {
  if (work.cycling) return;
  work.cycling = true;
  try {
    const db = await portalStore();
    const interval = env().watchIntervalMs;
    // The lease outlives two intervals: a holder that stops is replaced within about that.
    if (!(await takeLease(db, "watcher", HOLDER, Math.max(interval * 2, 5_000) + 5_000))) return;
    const cycleId = `${HOLDER}-${++work.cycles}`;
    const started = Date.now();
    const report = await runCycle(db, cycleId);
    if (report.notices || report.errors)
      log.info({ cycle: cycleId, ...report, duration_ms: Date.now() - started }, "watcher: cycle done");
    void sendDue(); // a notice written now goes now, not at the next tick
  } catch (error) {
    log.warn({ error: message(error) }, "watcher: cycle failed");
  } finally {
    work.cycling = false;
  }
}

/** Claims due outbox rows and sends each on its own: a slow channel holds only its own row. */
async function sendDue() {
  if (work.inFlight >= MAX_IN_FLIGHT) return;
  try {
    const db = await portalStore();
    const rows = await claimDue(db, env().store.dialect, MAX_IN_FLIGHT - work.inFlight);
    for (const row of rows) {
      work.inFlight++;
      void deliver(db, row)
        .catch((error: unknown) =>
          log.warn({ error: message(error), notice: row.notice_id }, "outbox: attempt not recorded"),
        )
        .finally(() => work.inFlight--);
    }
  } catch (error) {
    log.warn({ error: message(error) }, "outbox: could not claim notices");
  }
}

export function startAlertWork() {
  if (work.watcher) return;
  const interval = env().watchIntervalMs;
  work.watcher = setInterval(() => void cycle(), interval);
  work.watcher.unref();
  work.outbox = setInterval(() => void sendDue(), OUTBOX_TICK_MS);
  work.outbox.unref();
  setTimeout(() => void cycle(), Math.min(interval, 2_000)).unref();
}

/** A graceful stop: the lease is let go so another instance takes over at once. */
export async function stopAlertWork() {
  if (work.watcher) clearInterval(work.watcher);
  if (work.outbox) clearInterval(work.outbox);
  work.watcher = work.outbox = null;
  try {
    await releaseLease(await portalStore(), "watcher", HOLDER);
  } catch {
    /* it expires by itself */
  }
}

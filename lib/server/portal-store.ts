import "server-only";
import { ActivityLog, pruneActivity } from "./activity";
import { env } from "./env";
import { log } from "./log";
import { openStore, type Dialect, type Store } from "./store/db";

/*
 * This process's store and activity log, opened on first use (and migrated then). A store that
 * cannot be opened is tried again on the next use: the portal serves without it meanwhile.
 */

interface Held {
  opening: Promise<{ db: Store; dialect: Dialect }> | null;
  activity: ActivityLog | null;
  pruner: NodeJS.Timeout | null;
}
const held = ((globalThis as { __portalStore?: Held }).__portalStore ??= {
  opening: null,
  activity: null,
  pruner: null,
});

export function portalStore(): Promise<Store> {
  held.opening ??= openStore(env().store).catch((error: unknown) => {
    held.opening = null;
    throw error;
  });
  return held.opening.then(({ db }) => db);
}

export function activityLog(): ActivityLog {
  held.activity ??= new ActivityLog(portalStore);
  return held.activity;
}

const PRUNE_EVERY_MS = 60 * 60_000;

/**
 * Opens the store at start (its migrations run now, not on the first request) and prunes the
 * activity log past ACTIVITY_RETENTION_DAYS, now and every hour. Pruning deletes what is past the
 * line, so instances that prune at once do the same work twice, never harm.
 */
export function startStoreWork() {
  if (held.pruner) return;
  const prune = async () => {
    try {
      const removed = await pruneActivity(await portalStore(), env().activityRetentionDays);
      if (removed) log.info({ removed }, "activity: pruned entries past retention");
    } catch (error) {
      log.warn({ error: error instanceof Error ? error.message : "unknown" }, "activity: pruning failed");
    }
  };
  void prune();
  held.pruner = setInterval(() => void prune(), PRUNE_EVERY_MS);
  held.pruner.unref();
}

import "server-only";
import type { Store } from "../store/db";

/**
 * Takes or renews the lease `name` for `holder` until `ttlMs` from now, and answers whether it is
 * held. One statement, atomic on SQLite and PostgreSQL alike: a row that another holder's
 * unexpired lease owns is left as it is. A holder that stops (a crash, SIGKILL) loses the lease
 * when it expires, and the next instance to ask takes it.
 */
export async function takeLease(db: Store, name: string, holder: string, ttlMs: number, now = Date.now()) {
  const at = new Date(now).toISOString();
  const expires_at = new Date(now + ttlMs).toISOString();
  await db
    .insertInto("lease")
    .values({ name, holder, expires_at })
    .onConflict((oc) =>
      oc
        .column("name")
        .doUpdateSet({ holder, expires_at })
        .where((eb) => eb.or([eb("lease.expires_at", "<", at), eb("lease.holder", "=", holder)])),
    )
    .execute();
  const row = await db.selectFrom("lease").select("holder").where("name", "=", name).executeTakeFirst();
  return row?.holder === holder;
}

/** Lets the lease go at once (a graceful stop), so another instance need not wait for it to expire. */
export async function releaseLease(db: Store, name: string, holder: string) {
  await db.deleteFrom("lease").where("name", "=", name).where("holder", "=", holder).execute();
}

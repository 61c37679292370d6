import { generateSigningSecret, newEventId, newShortUuid } from "../lib/closient";
import { openDb } from "../sandbox/db";
import { hashKey } from "../sandbox/store";

/**
 * Writes 10,000 endpoints and 1,000,000 deliveries straight into a database file, one
 * organization whose key is `key`: 10% of the deliveries failed, rate limited or dead letters.
 * Used by bench:sandbox (the API) and bench:scale (the portal on top of it).
 */
export function seedLargeOrganization(path: string, key: string) {
  const db = openDb(path);
  const orgId = newShortUuid();
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const endpointIds: string[] = [];
  const statuses = [
    "delivered",
    "delivered",
    "delivered",
    "delivered",
    "delivered",
    "delivered",
    "delivered",
    "failed",
    "rate_limited",
    "dead_letter",
  ];
  const types = [
    "offer.updated",
    "product.recalled",
    "product.updated",
    "product.claimed",
    "retailer.created",
  ];
  db.transaction(() => {
    db.prepare("INSERT INTO organizations VALUES (?, ?, ?)").run(orgId, "Bench organization", iso(now));
    db.prepare("INSERT INTO api_keys VALUES (?, ?, ?, 'csb', 'Bench key', 'owner', ?)").run(
      newShortUuid(),
      hashKey(key),
      orgId,
      iso(now),
    );
    const endpoint = db.prepare("INSERT INTO endpoints VALUES (?, ?, ?, '', ?, 1, ?, ?, NULL, NULL, ?, ?)");
    const meta = db.prepare("INSERT INTO endpoint_metadata VALUES (?, ?, ?, ?)");
    const type = db.prepare("INSERT INTO endpoint_event_types VALUES (?, ?, ?)");
    for (let i = 0; i < 10_000; i++) {
      const id = newShortUuid();
      endpointIds.push(id);
      const metadata = { team: `team-${i % 100}`, env: i % 2 ? "prod" : "staging" };
      const at = iso(now - (10_000 - i) * 60_000);
      endpoint.run(
        id,
        orgId,
        `https://r${i}.example/hook`,
        JSON.stringify([types[i % 5]]),
        JSON.stringify(metadata),
        generateSigningSecret(),
        at,
        at,
      );
      for (const [k, v] of Object.entries(metadata)) meta.run(id, orgId, k, v);
      type.run(id, orgId, types[i % 5]);
    }
  })();
  const event = db.prepare("INSERT INTO events VALUES (?, ?, ?, '{}', ?)");
  const delivery = db.prepare(
    "INSERT INTO deliveries VALUES (?, ?, ?, ?, ?, ?, 1, 200, 'ok', ?, ?, NULL, NULL)",
  );
  // One event fans out to four endpoints, a delivery a second over the last 11.6 days.
  const BATCH = 50_000;
  let eventId = "";
  let eventType = "";
  for (let start = 0; start < 1_000_000; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < start + BATCH; i++) {
        const at = iso(now - (1_000_000 - i) * 1000);
        if (i % 4 === 0) {
          eventId = newEventId();
          eventType = types[(i / 4) % 5]!;
          event.run(eventId, orgId, eventType, at);
        }
        delivery.run(
          newShortUuid(),
          orgId,
          endpointIds[i % 10_000],
          eventId,
          eventType,
          statuses[i % 10],
          at,
          at,
        );
      }
    })();
  }
  db.exec("ANALYZE");
  db.close();
  return { endpointIds, now };
}

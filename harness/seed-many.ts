import { generateApiKey, generateSigningSecret, newEventId, newShortUuid } from "../lib/closient";
import { openDb } from "../sandbox/db";
import { hashKey } from "../sandbox/store";

/**
 * Writes `orgs` organizations straight into a sandbox database file, each with one key and
 * `endpoints` endpoints, each endpoint with `deliveries` deliveries of the last hour. One endpoint
 * in ten is failing now (its newest three failed with a proxy's 503 page, one a dead letter); the
 * rest delivered. For bench:alerts: the watcher's cycle over many watched organizations.
 */
export function seedManyOrganizations(
  path: string,
  { orgs, endpoints, deliveries }: { orgs: number; endpoints: number; deliveries: number },
) {
  const db = openDb(path);
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const keys: { orgId: string; key: string }[] = [];
  const org = db.prepare("INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)");
  const key = db.prepare(
    "INSERT INTO api_keys (id, key_hash, org_id, prefix, description, role, created_at) VALUES (?, ?, ?, 'csb', 'Watcher', 'owner', ?)",
  );
  const endpoint = db.prepare(
    "INSERT INTO endpoints (id, org_id, url, description, event_types, is_active, metadata, secret, created_at, updated_at) VALUES (?, ?, ?, ?, '[\"offer.updated\"]', 1, '{}', ?, ?, ?)",
  );
  const type = db.prepare("INSERT INTO endpoint_event_types VALUES (?, ?, 'offer.updated')");
  const event = db.prepare(
    "INSERT INTO events (id, org_id, type, data, created_at) VALUES (?, ?, 'offer.updated', '{}', ?)",
  );
  const delivery = db.prepare(
    "INSERT INTO deliveries (id, org_id, endpoint_id, event_id, event_type, status, attempts, http_status_code, response_body, created_at, last_attempted_at) VALUES (?, ?, ?, ?, 'offer.updated', ?, 1, ?, ?, ?, ?)",
  );
  const PROXY_PAGE =
    "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>";
  for (let o = 0; o < orgs; o++) {
    db.transaction(() => {
      const orgId = newShortUuid();
      const apiKey = generateApiKey("csb");
      keys.push({ orgId, key: apiKey });
      org.run(orgId, `Organization ${o + 1}`, iso(now - 86_400_000));
      key.run(newShortUuid(), hashKey(apiKey), orgId, iso(now - 86_400_000));
      for (let e = 0; e < endpoints; e++) {
        const id = newShortUuid();
        const at = iso(now - 3_600_000 - e * 1000);
        endpoint.run(
          id,
          orgId,
          `https://r${e}.org${o}.example/hook`,
          `Receiver ${e}`,
          generateSigningSecret(),
          at,
          at,
        );
        type.run(id, orgId);
        const failing = e % 10 === 0;
        for (let d = 0; d < deliveries; d++) {
          const eventId = newEventId();
          const when = iso(now - (deliveries - d) * 60_000 - e * 10);
          event.run(eventId, orgId, when);
          const bad = failing && d >= deliveries - 3;
          const status = !bad ? "delivered" : d === deliveries - 3 ? "dead_letter" : "failed";
          delivery.run(
            newShortUuid(),
            orgId,
            id,
            eventId,
            status,
            bad ? 503 : 200,
            bad ? PROXY_PAGE : "ok",
            when,
            when,
          );
        }
      }
    })();
  }
  db.exec("ANALYZE");
  db.close();
  return keys;
}

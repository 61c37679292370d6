import "server-only";
import { endpointChanges, endpointFields, type EndpointFields } from "@/lib/activity/changes";
import type { Endpoint } from "@/lib/closient";
import { endpointName } from "@/lib/endpoints/names";
import { activityLog, portalStore } from "./portal-store";
import type { Store } from "./store/db";
import { log } from "./log";

/*
 * Changes made outside the portal (Closient's own API, another tool) reach the activity log only
 * this way: when the portal reads an endpoint whose `updated_at` is newer than what it last saw,
 * it records `endpoint.changed_elsewhere` with the fields that differ. The portal's own changes
 * move what it last saw before they answer, so they are not counted twice.
 */

const ELSEWHERE = { kind: "key" as const, id: "elsewhere", name: "Outside the portal" };

async function upsert(db: Store, orgId: string, endpoint: Endpoint) {
  const row = {
    org_id: orgId,
    endpoint_id: endpoint.id,
    updated_at: endpoint.updated_at,
    fields: JSON.stringify(endpointFields(endpoint)),
  };
  await db
    .insertInto("endpoint_seen")
    .values(row)
    .onConflict((c) =>
      c.columns(["org_id", "endpoint_id"]).doUpdateSet({ updated_at: row.updated_at, fields: row.fields }),
    )
    .execute();
}

/** What the portal's own change left the endpoint as: not a change made elsewhere. */
export async function rememberEndpoint(orgId: string, endpoint: Endpoint) {
  try {
    await upsert(await portalStore(), orgId, endpoint);
  } catch (error) {
    log.warn(
      { error: error instanceof Error ? error.message : "unknown" },
      "activity: could not note an endpoint",
    );
  }
}

/** Compares what was read with what the portal last saw; records what changed elsewhere. */
export async function noticeChangesElsewhere(orgId: string, endpoints: Endpoint[]) {
  if (!endpoints.length) return;
  try {
    const db = await portalStore();
    const seen = new Map(
      (
        await db
          .selectFrom("endpoint_seen")
          .selectAll()
          .where("org_id", "=", orgId)
          .where(
            "endpoint_id",
            "in",
            endpoints.map((e) => e.id),
          )
          .execute()
      ).map((row) => [row.endpoint_id, row]),
    );
    for (const endpoint of endpoints) {
      const last = seen.get(endpoint.id);
      if (last && last.updated_at >= endpoint.updated_at) continue;
      if (last) {
        const changes = endpointChanges(JSON.parse(last.fields) as EndpointFields, endpointFields(endpoint));
        if (changes) {
          await activityLog().record(
            { orgId, actor: ELSEWHERE, requestId: null },
            {
              action: "endpoint.changed_elsewhere",
              target: { kind: "endpoint", id: endpoint.id, name: endpointName(endpoint) },
              changes,
              details: { updated_at: endpoint.updated_at },
            },
          );
        }
      }
      await upsert(db, orgId, endpoint);
    }
  } catch (error) {
    log.warn(
      { error: error instanceof Error ? error.message : "unknown" },
      "activity: could not compare endpoints",
    );
  }
}

import type { Generated } from "kysely";

/*
 * The portal's own store: what Closient does not keep for it. Never a copy of Closient's truth
 * (endpoints and deliveries are read from Closient every time), never a key or a secret in clear.
 * Times are ISO 8601 UTC strings, which sort as they read, on SQLite and PostgreSQL alike.
 */

/** One thing done through the portal (or seen changed outside it), by whom, and how it ended. */
export interface ActivityTable {
  /** Time-ordered (lib/server/store/ids.ts): the log's order and its keyset cursor. */
  id: string;
  org_id: string;
  at: string;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  target_name: string | null;
  /** The endpoint the entry concerns (a delivery's endpoint too): the log's endpoint filter. */
  endpoint_id: string | null;
  /** `pending` until Closient answers; a pending entry left behind by a crash reads "outcome unknown". */
  outcome: string;
  error_code: string | null;
  request_id: string | null;
  /** JSON: what changed, before and after. */
  changes: string | null;
  /** JSON: anything else the action says (counts, filters). */
  details: string | null;
}

/** What the portal last saw of an endpoint, to notice changes made outside it. */
export interface EndpointSeenTable {
  org_id: string;
  endpoint_id: string;
  updated_at: string;
  /** JSON: the fields the activity log compares (url, description, event types, metadata, active). */
  fields: string;
}

export interface StoreSchema {
  activity: ActivityTable;
  endpoint_seen: EndpointSeenTable;
}

export type { Generated };

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

/**
 * The organization's stored key, which the watcher and the access links act through; whether the
 * organization is watched for failing endpoints, and the alert rule.
 */
export interface OrgKeyTable {
  org_id: string;
  org_name: string;
  /** The API key, sealed (lib/server/secret-box.ts); never shown, sent or logged. */
  key_sealed: string;
  /** The key's first 8 characters, as Closient masks a secret: which key watches. */
  key_prefix: string;
  key_description: string | null;
  /** Who stored the key (an actor's name), and when. */
  started_by: string;
  started_at: string;
  /** 1 while the watcher reads the organization. */
  watching: number;
  /** `accepted`, or `rejected` once Closient refused the key (then the channels are told once). */
  key_status: string;
  key_rejected_at: string | null;
  /** The rule: failing after this many failures in a row (or any dead letter). */
  failing_after: number;
  /** A reminder while still failing, every this many hours; null: none. */
  remind_every_hours: number | null;
  /** The watcher's last read of the organization, and what went wrong with it. */
  checked_at: string | null;
  check_error: string | null;
}

/** An endpoint's alert state (absent: healthy). */
export interface AlertStateTable {
  org_id: string;
  endpoint_id: string;
  /** `failing` or `recovered`. */
  state: string;
  /** When it began failing, or when it recovered. */
  since: string;
  changed_at: string;
  /** The notice that told of this state. */
  notice_id: string;
  reminded_at: string | null;
}

export interface AlertChannelTable {
  id: string;
  org_id: string;
  /** `email`, `slack` or `webhook`. */
  type: string;
  /** The email address or the URL. */
  target: string;
  /** A webhook channel's signing secret, sealed. */
  secret_sealed: string | null;
  created_at: string;
  created_by: string;
  /** A removed channel keeps its history; it receives nothing more. */
  removed_at: string | null;
}

export interface NoticeTable {
  /** Stable: the same change of state always has the same id. */
  id: string;
  org_id: string;
  /** `endpoint.failing`, `endpoint.recovered`, `watch.key_rejected`, `test`. */
  kind: string;
  at: string;
  /** JSON: the notice as every channel renders it (lib/alerts/notice.ts). */
  body: string;
}

/** The outbox: a notice to one channel, with its own retries. */
export interface NoticeDeliveryTable {
  id: string;
  notice_id: string;
  channel_id: string;
  org_id: string;
  /** `pending`, `sent`, or `failed` once its retries are used up. */
  status: string;
  attempts: number;
  next_at: string;
  /** A sender holds the row until then; after, another may take it (the holder stopped). */
  locked_until: string | null;
  last_error: string | null;
  sent_at: string | null;
}

export interface NoticeAttemptTable {
  id: string;
  delivery_id: string;
  at: string;
  ok: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** An access link, and the grant it starts once redeemed. */
export interface AccessGrantTable {
  id: string;
  org_id: string;
  /** The person it is for: a name or an email. */
  holder: string;
  /** `viewer` or `on_call`. */
  role: string;
  /** SHA-256 of the link's token: the token itself is never kept. */
  token_hash: string;
  created_by: string;
  created_at: string;
  /** The link must be redeemed by then (24 hours after it was made), and only once. */
  redeem_by: string;
  redeemed_at: string | null;
  /** The grant ends then (1 hour to 30 days after it was made). */
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface LeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface StoreSchema {
  activity: ActivityTable;
  endpoint_seen: EndpointSeenTable;
  org_key: OrgKeyTable;
  access_grant: AccessGrantTable;
  alert_state: AlertStateTable;
  alert_channel: AlertChannelTable;
  notice: NoticeTable;
  notice_delivery: NoticeDeliveryTable;
  notice_attempt: NoticeAttemptTable;
  lease: LeaseTable;
}

export type { Generated };

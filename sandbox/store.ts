import type { Statement } from "better-sqlite3";
import { createHash } from "node:crypto";
import {
  buildPagination,
  ClosientError,
  closientError,
  generateSigningSecret,
  maskSecret,
  mergeMetadata,
  METADATA_LIMITS,
  newEventId,
  newShortUuid,
  parseApiKey,
  ROTATION_GRACE_MS,
  SHORTUUID_ALPHABET,
  type ApiKeyPrefix,
  type Delivery,
  type DeliveryListQuery,
  type DeliveryStatus,
  type Endpoint,
  type EndpointCreate,
  type EndpointListQuery,
  type EndpointUpdate,
  type Metadata,
  type Pagination,
  type WebhookEvent,
} from "../lib/closient";
import { iso, type Clock } from "./clock";
import type { Db } from "./db";

export interface Organization {
  id: string;
  name: string;
}
export interface ApiKeyRecord {
  id: string;
  orgId: string;
  prefix: ApiKeyPrefix;
  description: string;
  role: string;
  createdAt: string;
  /** A user key's user (csu_ only). */
  email: string | null;
  userId: string | null;
}

/** A stable shortuuid from a hex digest: a user key's user id, the same on every start. */
function shortUuidOf(hex: string): string {
  let id = "";
  for (let i = 0; id.length < 22; i += 2) id += SHORTUUID_ALPHABET[parseInt(hex.slice(i, i + 2), 16) % 57];
  return id;
}

interface EndpointRow {
  id: string;
  org_id: string;
  url: string;
  description: string;
  event_types: string;
  is_active: number;
  metadata: string;
  secret: string;
  previous_secret: string | null;
  previous_expires_ms: number | null;
  created_at: string;
  updated_at: string;
}

export interface DeliveryRow {
  id: string;
  org_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: DeliveryStatus;
  attempts: number;
  http_status_code: number | null;
  response_body: string;
  created_at: string;
  last_attempted_at: string | null;
  next_attempt_ms: number | null;
}

/** What the worker needs to send one attempt. */
export interface DueDelivery extends DeliveryRow {
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_expires_ms: number | null;
  event_created_at: string;
  event_data: string;
}

export interface AttemptOutcome {
  status: DeliveryStatus;
  httpStatusCode: number | null;
  responseBody: string;
  nextAttemptMs: number | null;
}

export const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

export class SandboxStore {
  private readonly statements = new Map<string, Statement>();

  constructor(
    readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** A prepared statement, compiled once per distinct SQL text. */
  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  // ── organizations and keys ────────────────────────────────────────────────────────────────

  /**
   * Registers an organization's keys (idempotent): the organization of any key it already knows,
   * else a new one named `orgName`; each key not known yet joins it. A user key keeps its email.
   */
  ensureOrganization(keys: { key: string; email: string | null }[], orgName: string): Organization {
    const now = iso(this.clock.now());
    return this.db.transaction(() => {
      let org = keys.map(({ key }) => this.authenticate(key)?.org).find(Boolean) ?? null;
      if (!org) {
        org = { id: newShortUuid(), name: orgName };
        this.sql("INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)").run(
          org.id,
          org.name,
          now,
        );
      }
      for (const { key, email } of keys) {
        if (this.authenticate(key)) continue;
        const prefix = parseApiKey(key)!.prefix;
        this.sql(
          `INSERT INTO api_keys (id, key_hash, org_id, prefix, description, role, created_at, email, user_id)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          newShortUuid(),
          hashKey(key),
          org.id,
          prefix,
          prefix === "csu" ? `User key of ${email ?? "a sandbox user"}` : "Sandbox key",
          "owner",
          now,
          prefix === "csu" ? (email ?? "user@sandbox.example") : null,
          prefix === "csu" ? shortUuidOf(hashKey(key)) : null,
        );
      }
      return org;
    })();
  }

  authenticate(key: string): { org: Organization; apiKey: ApiKeyRecord } | null {
    const row = this.sql(
      `SELECT k.id, k.org_id, k.prefix, k.description, k.role, k.created_at, k.email, k.user_id,
              o.name AS org_name
         FROM api_keys k JOIN organizations o ON o.id = k.org_id WHERE k.key_hash = ?`,
    ).get(hashKey(key)) as
      | {
          id: string;
          org_id: string;
          prefix: ApiKeyPrefix;
          description: string;
          role: string;
          created_at: string;
          email: string | null;
          user_id: string | null;
          org_name: string;
        }
      | undefined;
    if (!row) return null;
    return {
      org: { id: row.org_id, name: row.org_name },
      apiKey: {
        id: row.id,
        orgId: row.org_id,
        prefix: row.prefix,
        description: row.description,
        role: row.role,
        createdAt: row.created_at,
        email: row.email,
        userId: row.user_id,
      },
    };
  }

  // ── endpoints ─────────────────────────────────────────────────────────────────────────────

  private toEndpoint(row: EndpointRow, reveal = false): Endpoint {
    return {
      id: row.id,
      url: row.url,
      description: row.description,
      event_types: JSON.parse(row.event_types) as string[],
      is_active: row.is_active === 1,
      metadata: JSON.parse(row.metadata) as Metadata,
      signing_secret: reveal ? row.secret : maskSecret(row.secret),
      created_at: row.created_at,
      updated_at: row.updated_at,
    };
  }

  private endpointRow(orgId: string, id: string): EndpointRow {
    const row = this.sql("SELECT * FROM endpoints WHERE id = ? AND org_id = ?").get(id, orgId) as
      EndpointRow | undefined;
    if (!row) throw new ClosientError(404, "NOT_FOUND", "No webhook endpoint with that id.");
    return row;
  }

  private writeSideTables(row: Pick<EndpointRow, "id" | "org_id">, types: string[], metadata: Metadata) {
    this.sql("DELETE FROM endpoint_metadata WHERE endpoint_id = ?").run(row.id);
    this.sql("DELETE FROM endpoint_event_types WHERE endpoint_id = ?").run(row.id);
    const meta = this.sql(
      "INSERT INTO endpoint_metadata (endpoint_id, org_id, key, value) VALUES (?, ?, ?, ?)",
    );
    for (const [key, value] of Object.entries(metadata)) meta.run(row.id, row.org_id, key, value);
    const type = this.sql(
      "INSERT INTO endpoint_event_types (endpoint_id, org_id, event_type) VALUES (?, ?, ?)",
    );
    for (const t of types) type.run(row.id, row.org_id, t);
  }

  private checkMetadataCount(metadata: Metadata) {
    if (Object.keys(metadata).length > METADATA_LIMITS.maxKeys) {
      throw closientError(422, "VALIDATION_ERROR", undefined, [
        { field: "metadata", message: `At most ${METADATA_LIMITS.maxKeys} metadata keys.` },
      ]);
    }
  }

  createEndpoint(orgId: string, input: EndpointCreate): Endpoint {
    const now = iso(this.clock.now());
    const metadata = mergeMetadata({}, input.metadata ?? {});
    const row: EndpointRow = {
      id: newShortUuid(),
      org_id: orgId,
      url: input.url,
      description: input.description,
      event_types: JSON.stringify(input.event_types),
      is_active: input.is_active ? 1 : 0,
      metadata: JSON.stringify(metadata),
      secret: generateSigningSecret(),
      previous_secret: null,
      previous_expires_ms: null,
      created_at: now,
      updated_at: now,
    };
    this.db.transaction(() => {
      this.sql(
        `INSERT INTO endpoints (id, org_id, url, description, event_types, is_active, metadata,
             secret, previous_secret, previous_expires_ms, created_at, updated_at)
           VALUES (@id, @org_id, @url, @description, @event_types, @is_active, @metadata,
             @secret, @previous_secret, @previous_expires_ms, @created_at, @updated_at)`,
      ).run(row);
      this.writeSideTables(row, input.event_types, metadata);
    })();
    return this.toEndpoint(row, true);
  }

  getEndpoint(orgId: string, id: string): Endpoint {
    return this.toEndpoint(this.endpointRow(orgId, id));
  }

  listEndpoints(orgId: string, query: EndpointListQuery): { data: Endpoint[]; pagination: Pagination } {
    const filters = Object.entries(query.metadata);
    const where = ["e.org_id = ?"];
    const params: unknown[] = [orgId];
    for (const [key, value] of filters) {
      // Driven by the (org_id, key, value) index rather than a probe per endpoint.
      where.push(
        "e.id IN (SELECT m.endpoint_id FROM endpoint_metadata m WHERE m.org_id = ? AND m.key = ? AND m.value = ?)",
      );
      params.push(orgId, key, value);
    }
    const clause = where.join(" AND ");
    const { total } = this.sql(`SELECT COUNT(*) AS total FROM endpoints e WHERE ${clause}`).get(
      ...params,
    ) as { total: number };
    const rows = this.sql(
      `SELECT e.* FROM endpoints e WHERE ${clause}
         ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?`,
    ).all(...params, query.page_size, (query.page - 1) * query.page_size) as EndpointRow[];
    return {
      data: rows.map((row) => this.toEndpoint(row)),
      pagination: buildPagination(query.page, query.page_size, total),
    };
  }

  updateEndpoint(orgId: string, id: string, patch: EndpointUpdate): Endpoint {
    return this.db.transaction(() => {
      const row = this.endpointRow(orgId, id);
      const metadata = mergeMetadata(JSON.parse(row.metadata) as Metadata, patch.metadata);
      this.checkMetadataCount(metadata);
      const eventTypes = patch.event_types ?? (JSON.parse(row.event_types) as string[]);
      const next: EndpointRow = {
        ...row,
        url: patch.url ?? row.url,
        description: patch.description ?? row.description,
        event_types: JSON.stringify(eventTypes),
        is_active: patch.is_active == null ? row.is_active : patch.is_active ? 1 : 0,
        metadata: JSON.stringify(metadata),
        updated_at: iso(this.clock.now()),
      };
      this.sql(
        `UPDATE endpoints SET url = @url, description = @description, event_types = @event_types,
             is_active = @is_active, metadata = @metadata, updated_at = @updated_at WHERE id = @id`,
      ).run(next);
      this.writeSideTables(next, eventTypes, metadata);
      return this.toEndpoint(next);
    })();
  }

  /** A new secret; the one it replaces signs as `v1old` for 24 hours, and any older one stops. */
  rotateSecret(orgId: string, id: string): Endpoint {
    return this.db.transaction(() => {
      const row = this.endpointRow(orgId, id);
      const nowMs = this.clock.now();
      const next: EndpointRow = {
        ...row,
        secret: generateSigningSecret(),
        previous_secret: row.secret,
        previous_expires_ms: nowMs + ROTATION_GRACE_MS,
        updated_at: iso(nowMs),
      };
      this.sql(
        `UPDATE endpoints SET secret = @secret, previous_secret = @previous_secret,
             previous_expires_ms = @previous_expires_ms, updated_at = @updated_at WHERE id = @id`,
      ).run(next);
      return this.toEndpoint(next, true);
    })();
  }

  // ── events and deliveries ─────────────────────────────────────────────────────────────────

  private insertEvent(orgId: string, type: string, data: Record<string, unknown>): WebhookEvent {
    const event: WebhookEvent = { id: newEventId(), type, created_at: iso(this.clock.now()), data };
    this.sql("INSERT INTO events (id, org_id, type, data, created_at) VALUES (?, ?, ?, ?, ?)").run(
      event.id,
      orgId,
      type,
      JSON.stringify(data),
      event.created_at,
    );
    return event;
  }

  private insertDelivery(
    orgId: string,
    endpointId: string,
    event: Pick<WebhookEvent, "id" | "type">,
    nextAttemptMs: number | null,
  ): string {
    const id = newShortUuid();
    this.sql(
      `INSERT INTO deliveries (id, org_id, endpoint_id, event_id, event_type, status, created_at, next_attempt_ms)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
    ).run(id, orgId, endpointId, event.id, event.type, iso(this.clock.now()), nextAttemptMs);
    return id;
  }

  /** Fan-out: one pending delivery per active endpoint subscribed to exactly this type. */
  emitEvent(orgId: string, type: string, data: Record<string, unknown>) {
    return this.db.transaction(() => {
      const event = this.insertEvent(orgId, type, data);
      const endpoints = this.sql(
        `SELECT e.id FROM endpoint_event_types t JOIN endpoints e ON e.id = t.endpoint_id
           WHERE t.org_id = ? AND t.event_type = ? AND e.is_active = 1
           ORDER BY e.created_at, e.id`,
      ).all(orgId, type) as { id: string }[];
      const now = this.clock.now();
      const deliveryIds = endpoints.map((e) => this.insertDelivery(orgId, e.id, event, now));
      return { event_id: event.id, delivery_ids: deliveryIds };
    })();
  }

  /** A `ping` event and its delivery row, which the caller attempts once and never retries. */
  createPing(orgId: string, endpointId: string): DueDelivery {
    const endpoint = this.endpointRow(orgId, endpointId);
    return this.db.transaction(() => {
      const event = this.insertEvent(orgId, "ping", {
        message: "Test event from the Closient webhooks portal.",
        endpoint_id: endpoint.id,
      });
      const id = this.insertDelivery(orgId, endpoint.id, event, null);
      return this.dueDelivery(id);
    })();
  }

  /**
   * A new row for the same event; the dead-lettered original stays as it is. For an active
   * endpoint the row is claimed at once for the caller's synchronous attempt (a lease of
   * `leaseMs`, as the worker's own claims have), so the worker cannot send it a second time
   * while that attempt is under way; for a paused one it waits in the queue for the resume.
   */
  createReplay(orgId: string, deliveryId: string, leaseMs: number): DueDelivery & { claimed: boolean } {
    return this.db.transaction(() => {
      const original = this.getDeliveryRow(orgId, deliveryId);
      if (original.status !== "dead_letter") {
        throw new ClosientError(422, "VALIDATION_ERROR", "Only dead-lettered deliveries can be replayed.", [
          { field: "status", message: `The delivery is ${original.status}, not dead_letter.` },
        ]);
      }
      const now = this.clock.now();
      const id = this.insertDelivery(
        orgId,
        original.endpoint_id,
        { id: original.event_id, type: original.event_type },
        now,
      );
      const claimed = this.isEndpointActive(original.endpoint_id);
      if (claimed) {
        this.sql("UPDATE deliveries SET next_attempt_ms = ?, claimed_at_ms = ? WHERE id = ?").run(
          now + leaseMs,
          now,
          id,
        );
      }
      return { ...this.dueDelivery(id), claimed };
    })();
  }

  private getDeliveryRow(orgId: string, id: string): DeliveryRow {
    const row = this.sql("SELECT * FROM deliveries WHERE id = ? AND org_id = ?").get(id, orgId) as
      DeliveryRow | undefined;
    if (!row) throw new ClosientError(404, "NOT_FOUND", "No delivery with that id.");
    return row;
  }

  getDelivery(orgId: string, id: string): Delivery {
    return toDelivery(this.getDeliveryRow(orgId, id));
  }

  isEndpointActive(endpointId: string): boolean {
    const row = this.sql("SELECT is_active FROM endpoints WHERE id = ?").get(endpointId) as
      { is_active: number } | undefined;
    return row?.is_active === 1;
  }

  private static readonly DUE_SELECT = `
    SELECT d.*, e.url, e.secret, e.previous_secret, e.previous_expires_ms,
           ev.created_at AS event_created_at, ev.data AS event_data
    FROM deliveries d
    JOIN endpoints e ON e.id = d.endpoint_id
    JOIN events ev ON ev.id = d.event_id`;

  private dueDelivery(id: string): DueDelivery {
    return this.sql(`${SandboxStore.DUE_SELECT} WHERE d.id = ?`).get(id) as DueDelivery;
  }

  /**
   * Claims up to `limit` due deliveries of active endpoints by moving their next attempt out by
   * `leaseMs`: a crash mid-attempt leaves them due again once the lease runs out.
   */
  claimDue(limit: number, leaseMs: number): DueDelivery[] {
    return this.db.transaction(() => {
      const now = this.clock.now();
      const rows = this.sql(
        `${SandboxStore.DUE_SELECT}
           WHERE d.next_attempt_ms IS NOT NULL AND d.next_attempt_ms <= ? AND e.is_active = 1
           ORDER BY d.next_attempt_ms LIMIT ?`,
      ).all(now, limit) as DueDelivery[];
      const lease = this.sql("UPDATE deliveries SET next_attempt_ms = ?, claimed_at_ms = ? WHERE id = ?");
      for (const row of rows) lease.run(now + leaseMs, now, row.id);
      return rows;
    })();
  }

  /**
   * At start: attempts that a killed process had under way are due again at once. Receivers may
   * see such an event twice (they deduplicate on its id); none is lost.
   */
  recoverClaimed(): number {
    return this.sql(
      "UPDATE deliveries SET next_attempt_ms = ?, claimed_at_ms = NULL WHERE claimed_at_ms IS NOT NULL",
    ).run(this.clock.now()).changes;
  }

  /** When the next delivery of an active endpoint falls due, or null when none is queued. */
  nextDueMs(): number | null {
    const row = this.sql(
      `SELECT MIN(d.next_attempt_ms) AS due FROM deliveries d JOIN endpoints e ON e.id = d.endpoint_id
         WHERE d.next_attempt_ms IS NOT NULL AND e.is_active = 1`,
    ).get() as { due: number | null };
    return row.due;
  }

  recordAttempt(id: string, outcome: AttemptOutcome) {
    this.sql(
      `UPDATE deliveries SET status = ?, attempts = attempts + 1, http_status_code = ?,
           response_body = ?, last_attempted_at = ?, next_attempt_ms = ?, claimed_at_ms = NULL
         WHERE id = ?`,
    ).run(
      outcome.status,
      outcome.httpStatusCode,
      outcome.responseBody,
      iso(this.clock.now()),
      outcome.nextAttemptMs,
      id,
    );
  }

  recordAttempts(batch: { id: string; outcome: AttemptOutcome }[]) {
    this.db.transaction(() => {
      for (const { id, outcome } of batch) this.recordAttempt(id, outcome);
    })();
  }

  listDeliveries(orgId: string, query: DeliveryListQuery): { data: Delivery[]; pagination: Pagination } {
    const where = ["org_id = ?"];
    const params: unknown[] = [orgId];
    const exact = { endpoint_id: query.endpoint_id, status: query.status, event_type: query.event_type };
    for (const [column, value] of Object.entries(exact)) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    if (query.created_after) {
      where.push("created_at >= ?");
      params.push(new Date(query.created_after).toISOString());
    }
    if (query.created_before) {
      where.push("created_at <= ?");
      params.push(new Date(query.created_before).toISOString());
    }
    const clause = where.join(" AND ");
    // Without a time range the total comes from the trigger-kept counts, not a scan.
    const timeRange = Boolean(query.created_after || query.created_before);
    const { total } = this.sql(
      timeRange
        ? `SELECT COUNT(*) AS total FROM deliveries WHERE ${clause}`
        : `SELECT COALESCE(SUM(count), 0) AS total FROM delivery_counts WHERE ${clause}`,
    ).get(...params) as { total: number };
    const rows = this.sql(
      `SELECT * FROM deliveries WHERE ${clause} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
    ).all(...params, query.page_size, (query.page - 1) * query.page_size) as DeliveryRow[];
    return { data: rows.map(toDelivery), pagination: buildPagination(query.page, query.page_size, total) };
  }
}

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    endpoint_id: row.endpoint_id,
    event_id: row.event_id,
    event_type: row.event_type,
    status: row.status,
    created_at: row.created_at,
    http_status_code: row.http_status_code,
    response_body: row.response_body,
    attempts: row.attempts,
    last_attempted_at: row.last_attempted_at,
  };
}

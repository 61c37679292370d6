import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { ClosientError } from "@/lib/closient";
import { grantStatus, type AccessView, type GrantView } from "@/lib/access/grants";
import { TOKEN_PATTERN, type LinkInput } from "@/lib/access/links";
import { ROLE_WORDS, type LinkRole } from "@/lib/access/roles";
import { emailProblem } from "@/lib/alerts/channel-input";
import type { ActivityContext } from "../activity";
import { encryptionBox } from "../alerts/secrets";
import { env } from "../env";
import { openOrgKey, storeDb, storedKey, storedKeyView } from "../org-key";
import { activityLog } from "../portal-store";
import type { Actor } from "../actor";
import type { AccessGrantTable } from "../store/schema";

/*
 * Access links: an admin makes one for a named person, a role and a lifetime; it is shown once
 * (its token is kept only as a SHA-256 hash), opened once within 24 hours, and then starts a
 * session that acts through the organization's stored key with that role's capabilities. Each
 * request of such a session reads its grant from the store, so a revocation (on any instance)
 * ends it on its next request.
 */

const REDEEM_WITHIN_MS = 24 * 3_600_000;
const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const iso = (ms: number) => new Date(ms).toISOString();

function grantView(row: AccessGrantTable, now: string): GrantView {
  return {
    id: row.id,
    holder: row.holder,
    role: row.role as LinkRole,
    created_by: row.created_by,
    created_at: row.created_at,
    redeem_by: row.redeemed_at ? null : row.redeem_by,
    redeemed_at: row.redeemed_at,
    expires_at: row.expires_at,
    last_used_at: row.last_used_at,
    revoked_at: row.revoked_at,
    revoked_by: row.revoked_by,
    status: grantStatus(row, now),
  };
}

/** The holder as the activity log names them: who, with which role, invited by whom. */
export function linkActor(row: Pick<AccessGrantTable, "id" | "holder" | "role" | "created_by">): Actor {
  return {
    kind: "link",
    id: row.id,
    name: `${row.holder} (${ROLE_WORDS[row.role as LinkRole].toLowerCase()}, invited by ${row.created_by})`,
  };
}

export async function listGrants(orgId: string): Promise<GrantView[]> {
  const rows = await (
    await storeDb()
  )
    .selectFrom("access_grant")
    .selectAll()
    .where("org_id", "=", orgId)
    .orderBy("created_at", "desc")
    .limit(200)
    .execute();
  const now = new Date().toISOString();
  return rows.map((r) => grantView(r, now));
}

export async function accessView(orgId: string): Promise<AccessView> {
  const [key, grants] = await Promise.all([storedKey(orgId), listGrants(orgId)]);
  return {
    stored_key: key ? storedKeyView(key) : null,
    grants,
    can_store: encryptionBox() !== null,
    email_ready: env().smtpUrl !== null,
  };
}

/** Makes a link; its URL (with the token, after `#`, never sent to a server) is in this answer only. */
export async function createLink(ctx: ActivityContext, input: LinkInput) {
  const key = await storedKey(ctx.orgId);
  if (!key || key.key_status !== "accepted")
    throw new ClosientError(
      409,
      "CONFLICT",
      key
        ? "Closient refused the stored key: store a valid key first."
        : "Store the organization's key first: links act through it.",
    );
  const token = randomBytes(32).toString("base64url");
  const now = Date.now();
  const row: AccessGrantTable = {
    id: `grt_${randomBytes(9).toString("base64url")}`,
    org_id: ctx.orgId,
    holder: input.name,
    role: input.role,
    token_hash: hash(token),
    created_by: ctx.actor.name,
    created_at: iso(now),
    redeem_by: iso(now + REDEEM_WITHIN_MS),
    redeemed_at: null,
    expires_at: iso(now + input.expires_in_hours * 3_600_000),
    last_used_at: null,
    revoked_at: null,
    revoked_by: null,
  };
  await (await storeDb()).insertInto("access_grant").values(row).execute();
  await activityLog().record(ctx, {
    action: "access.link_created",
    target: { kind: "grant", id: row.id, name: row.holder },
    details: { role: row.role, expires_at: row.expires_at },
  });
  const url = `${env().portalUrl}/join#${token}`;
  return { grant: grantView(row, iso(now)), url };
}

export async function revokeGrant(ctx: ActivityContext, id: string) {
  const db = await storeDb();
  const row = await db
    .selectFrom("access_grant")
    .selectAll()
    .where("org_id", "=", ctx.orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new ClosientError(404, "NOT_FOUND", "The requested resource was not found.");
  if (!row.revoked_at) {
    const now = new Date().toISOString();
    await db
      .updateTable("access_grant")
      .set({ revoked_at: now, revoked_by: ctx.actor.name })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .execute();
    await activityLog().record(ctx, {
      action: "access.grant_revoked",
      target: { kind: "grant", id, name: row.holder },
      details: { role: row.role },
    });
  }
  const after = await db
    .selectFrom("access_grant")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return grantView(after, new Date().toISOString());
}

export class RedeemRefused extends Error {
  constructor(
    readonly reason: "invalid" | "used" | "expired" | "revoked" | "ended" | "no_key",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Redeems a link's token, once: answers the grant and its organization's name, or throws why
 * not, in words for the page. Only one of two redemptions at once gets it (compare and set).
 */
export async function redeemLink(token: string) {
  if (!TOKEN_PATTERN.test(token))
    throw new RedeemRefused("invalid", "This link is not valid: check that you copied all of it.");
  const db = await storeDb();
  const row = await db
    .selectFrom("access_grant")
    .selectAll()
    .where("token_hash", "=", hash(token))
    .executeTakeFirst();
  if (!row) throw new RedeemRefused("invalid", "This link is not valid: check that you copied all of it.");
  const now = new Date().toISOString();
  const ask = `Ask ${row.created_by} for a new one.`;
  if (row.revoked_at)
    throw new RedeemRefused("revoked", `This link was revoked by ${row.revoked_by ?? "an admin"}. ${ask}`);
  if (row.redeemed_at)
    throw new RedeemRefused("used", `This link was used already: each link opens once. ${ask}`);
  if (row.redeem_by <= now)
    throw new RedeemRefused("expired", `This link expired: a link must be opened within 24 hours. ${ask}`);
  if (row.expires_at <= now) throw new RedeemRefused("ended", `This access has ended. ${ask}`);
  const key = await storedKey(row.org_id);
  if (!key || !openOrgKey(key))
    throw new RedeemRefused(
      "no_key",
      `The organization's stored key is gone, so this link cannot act. ${ask}`,
    );
  const taken = await db
    .updateTable("access_grant")
    .set({ redeemed_at: now, last_used_at: now })
    .where("id", "=", row.id)
    .where("redeemed_at", "is", null)
    .executeTakeFirst();
  if (!taken.numUpdatedRows)
    throw new RedeemRefused("used", `This link was used already: each link opens once. ${ask}`);
  await activityLog().record(
    { orgId: row.org_id, actor: linkActor(row), requestId: null },
    {
      action: "access.link_redeemed",
      target: { kind: "grant", id: row.id, name: row.holder },
      details: { role: row.role },
    },
  );
  return { grant: row, organization: { id: row.org_id, name: key.org_name } };
}

/** Mails a new link to its holder (an email), when the portal can send mail; answers whether it did. */
export async function mailLink(
  to: string,
  url: string,
  orgName: string,
  role: LinkRole,
  expiresAt: string,
  from: string,
) {
  const { smtpUrl, alertEmailFrom } = env();
  if (!smtpUrl || emailProblem(to)) return false;
  const { mailer } = await import("../alerts/outbox");
  await mailer(smtpUrl).sendMail({
    from: alertEmailFrom,
    to,
    subject: `Your ${ROLE_WORDS[role].toLowerCase()} access to ${orgName}'s webhooks`.replace(
      /[\r\n]+/g,
      " ",
    ),
    text: [
      `${from} gave you ${ROLE_WORDS[role].toLowerCase()} access to ${orgName}'s Closient webhooks portal.`,
      "",
      `Open this link within 24 hours; it works once: ${url}`,
      `Your access ends ${expiresAt.replace("T", " ").slice(0, 16)} UTC.`,
    ].join("\n"),
  });
  return true;
}

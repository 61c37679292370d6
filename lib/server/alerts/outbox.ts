import "server-only";
import nodemailer, { type SMTPTransportOptions, type Transporter } from "nodemailer";
import {
  DELIVERY_ID_HEADER,
  EVENT_TYPE_HEADER,
  SIGNATURE_HEADER,
  signatureHeader,
} from "@/lib/closient/signature";
import { answerSays } from "@/lib/deliveries/diagnosis";
import { html, plainText, slackMessage, subject, type Notice } from "@/lib/alerts/notice";
import { env } from "../env";
import { log } from "../log";
import type { Dialect, Store } from "../store/db";
import { timeOrderedId } from "../store/ids";
import type { AlertChannelTable, NoticeDeliveryTable } from "../store/schema";
import { postNotice } from "./outbound";
import { encryptionBox, secretContext } from "./secrets";

/*
 * The outbox: one row per notice and channel, sent on its own with retries and backoff, so a
 * channel that fails or hangs never delays the others. Any instance may send: a sender claims due
 * rows for a while (`locked_until`), on PostgreSQL with `FOR UPDATE SKIP LOCKED` so two instances
 * never claim the same row; a sender that stops lets its claim expire, and the row is sent again,
 * with the same notice id. Every attempt is kept, for the alerts page.
 */

/** After the 1st failed attempt wait 5 s, then 30 s, …; after the last, the row has failed. */
export const BACKOFF_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000];
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** An attempt's deadline (HTTP and SMTP alike); a claim outlives it. */
export const ATTEMPT_TIMEOUT_MS = 10_000;
const CLAIM_MS = ATTEMPT_TIMEOUT_MS * 3;

const iso = (ms: number) => new Date(ms).toISOString();

/** Claims up to `limit` due rows for this sender, until CLAIM_MS from now. */
export async function claimDue(db: Store, dialect: Dialect, limit: number, nowMs = Date.now()) {
  const now = iso(nowMs);
  return (
    db
      .updateTable("notice_delivery")
      .set({ locked_until: iso(nowMs + CLAIM_MS) })
      .where("id", "in", (eb) => {
        const due = eb
          .selectFrom("notice_delivery")
          .select("id")
          .where("status", "=", "pending")
          .where("next_at", "<=", now)
          .where((w) => w.or([w("locked_until", "is", null), w("locked_until", "<", now)]))
          .orderBy("next_at")
          .limit(limit);
        return dialect === "postgres" ? due.forUpdate().skipLocked() : due;
      })
      // Checked again on the row itself: on PostgreSQL a row another sender claimed meanwhile is left.
      .where("status", "=", "pending")
      .where((w) => w.or([w("locked_until", "is", null), w("locked_until", "<", now)]))
      .returningAll()
      .execute()
  );
}

const smtpOptions = (url: string): SMTPTransportOptions => ({
  url,
  connectionTimeout: ATTEMPT_TIMEOUT_MS,
  greetingTimeout: ATTEMPT_TIMEOUT_MS,
  socketTimeout: ATTEMPT_TIMEOUT_MS,
});

let transport: { url: string; transporter: Transporter } | null = null;
export function mailer(url: string): Transporter {
  if (transport?.url !== url) {
    transport = {
      url,
      // The URL's own settings, with an attempt's deadline on every step of the conversation.
      transporter: nodemailer.createTransport(smtpOptions(url)),
    };
  }
  return transport.transporter;
}

/** One line, for a mail header: nothing to split a header on. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ").slice(0, 200);

interface Outcome {
  ok: boolean;
  status: number | null;
  error: string | null;
}

const httpOutcome = ({ status, body }: { status: number; body: string }): Outcome =>
  status >= 200 && status < 300
    ? { ok: true, status, error: null }
    : {
        ok: false,
        status,
        error:
          status >= 300 && status < 400
            ? `HTTP ${status}: redirects are not followed`
            : `HTTP ${status}${body ? `: ${answerSays(body)}` : ""}`,
      };

/** Sends one notice to one channel, once. Never throws: the outcome says what happened. */
export async function send(channel: AlertChannelTable, notice: Notice): Promise<Outcome> {
  const { isSandbox, smtpUrl, alertEmailFrom } = env();
  try {
    if (channel.type === "email") {
      if (!smtpUrl) return { ok: false, status: null, error: "No SMTP_URL is set: email cannot be sent." };
      const info = await mailer(smtpUrl).sendMail({
        from: alertEmailFrom,
        to: channel.target,
        subject: oneLine(subject(notice)),
        text: plainText(notice),
        html: html(notice),
        messageId: `<${notice.id}.${channel.id}@closient-portal>`,
        headers: { "X-Closient-Notice-Id": notice.id },
      });
      return info.rejected?.length
        ? { ok: false, status: null, error: "The mail server refused the address." }
        : { ok: true, status: null, error: null };
    }
    if (channel.type === "slack") {
      return httpOutcome(
        await postNotice(
          channel.target,
          JSON.stringify(slackMessage(notice)),
          { "Content-Type": "application/json" },
          { allowLocal: isSandbox, timeoutMs: ATTEMPT_TIMEOUT_MS },
        ),
      );
    }
    const secret = channel.secret_sealed
      ? encryptionBox()?.open(channel.secret_sealed, secretContext(channel.org_id, channel.id))
      : null;
    if (!secret)
      return {
        ok: false,
        status: null,
        error: "The channel's signing secret cannot be opened with PORTAL_ENCRYPTION_KEY.",
      };
    const body = JSON.stringify({
      id: notice.id,
      type: notice.kind,
      created_at: notice.created_at,
      data: notice,
    });
    const signature = await signatureHeader({ secret, timestamp: Math.floor(Date.now() / 1000), body });
    return httpOutcome(
      await postNotice(
        channel.target,
        body,
        {
          "Content-Type": "application/json",
          "User-Agent": "Closient-Portal-Alerts/1.0",
          [SIGNATURE_HEADER]: signature,
          [EVENT_TYPE_HEADER]: notice.kind,
          [DELIVERY_ID_HEADER]: notice.id,
        },
        { allowLocal: isSandbox, timeoutMs: ATTEMPT_TIMEOUT_MS },
      ),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : "unknown error";
    return { ok: false, status: null, error: oneLine(message) };
  }
}

/** Sends one claimed row and records the attempt; on failure it is due again after the backoff. */
export async function deliver(db: Store, row: NoticeDeliveryTable): Promise<boolean> {
  const [notice, channel] = await Promise.all([
    db.selectFrom("notice").select("body").where("id", "=", row.notice_id).executeTakeFirst(),
    db.selectFrom("alert_channel").selectAll().where("id", "=", row.channel_id).executeTakeFirst(),
  ]);
  if (!notice || !channel || channel.removed_at) {
    await db
      .updateTable("notice_delivery")
      .set({ status: "failed", last_error: "The channel was removed.", locked_until: null })
      .where("id", "=", row.id)
      .execute();
    return false;
  }
  const started = Date.now();
  const outcome = await send(channel, JSON.parse(notice.body) as Notice);
  const finished = Date.now();
  const attempts = row.attempts + 1;
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("notice_attempt")
      .values({
        id: timeOrderedId(finished),
        delivery_id: row.id,
        at: iso(finished),
        ok: outcome.ok ? 1 : 0,
        status_code: outcome.status,
        error: outcome.error,
        duration_ms: finished - started,
      })
      .execute();
    await tx
      .updateTable("notice_delivery")
      .set(
        outcome.ok
          ? { status: "sent", attempts, sent_at: iso(finished), last_error: null, locked_until: null }
          : {
              status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
              attempts,
              next_at: iso(finished + (BACKOFF_MS[attempts - 1] ?? 0)),
              last_error: outcome.error,
              locked_until: null,
            },
      )
      .where("id", "=", row.id)
      .execute();
  });
  log.info(
    {
      notice: row.notice_id,
      channel: row.channel_id,
      type: channel.type,
      ok: outcome.ok,
      attempt: attempts,
      status: outcome.status,
      error: outcome.error,
    },
    "outbox: notice attempt",
  );
  return outcome.ok;
}

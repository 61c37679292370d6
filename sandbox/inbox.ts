import { simpleParser } from "mailparser";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { escapeHtml } from "../lib/html";

/*
 * The sandbox's local inbox: an SMTP server on this machine that keeps the last mails it receives
 * (in memory), and a page of the sandbox that lists them (`/_sandbox/inbox`). With the sandbox and
 * no SMTP_URL, the portal's alert mails go here over real SMTP, so a new user can read them.
 */

export interface InboxMail {
  id: string;
  received_at: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  message_id: string | null;
  headers: Record<string, string>;
}

const KEPT = 200;
const MAX_MAIL_BYTES = 1024 * 1024;

export interface Inbox {
  smtpUrl: string;
  port: number;
  mails(): InboxMail[];
  close(): Promise<void>;
}

export async function startInbox({ port, host }: { port: number; host: string }): Promise<Inbox> {
  const kept: InboxMail[] = [];
  let next = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    size: MAX_MAIL_BYTES,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          kept.unshift({
            id: String(++next),
            received_at: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to,
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : null,
            message_id: mail.messageId ?? null,
            headers: Object.fromEntries(
              [...mail.headers].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, v as string]),
            ),
          });
          kept.length = Math.min(kept.length, KEPT);
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error("unreadable mail")));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    smtpUrl: `smtp://${host}:${address.port}`,
    port: address.port,
    mails: () => kept,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;color:#111}
a{color:#0b57d0}li{margin:.5rem 0;overflow-wrap:anywhere}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f5f5f5;padding:.75rem;border-radius:6px}
iframe{width:100%;min-height:24rem;border:1px solid #ccc;border-radius:6px}small{color:#555}</style></head>
<body>${body}</body></html>`;

/** The inbox's list, as an HTML page. */
export function inboxPage(mails: readonly InboxMail[]): string {
  const items = mails
    .map(
      (m) =>
        `<li><a href="/_sandbox/inbox/${m.id}">${escapeHtml(m.subject || "(no subject)")}</a><br><small>to ${escapeHtml(m.to.join(", "))} · ${escapeHtml(m.received_at)}</small></li>`,
    )
    .join("");
  return page(
    "Sandbox inbox",
    `<h1>Sandbox inbox</h1><p>Mails the portal sent through the sandbox's SMTP server (the newest ${KEPT}, kept until the sandbox stops).</p>${items ? `<ul>${items}</ul>` : "<p>No mail yet. Add an email channel on the portal's Alerts page and send a test notice.</p>"}`,
  );
}

/** One mail: its text, and its HTML in a sandboxed frame (no scripts, no same origin). */
export function mailPage(mail: InboxMail): string {
  return page(
    mail.subject || "(no subject)",
    `<p><a href="/_sandbox/inbox">← Inbox</a></p><h1>${escapeHtml(mail.subject || "(no subject)")}</h1>
<p><small>From ${escapeHtml(mail.from)} to ${escapeHtml(mail.to.join(", "))} · ${escapeHtml(mail.received_at)}</small></p>
<h2>Text</h2><pre>${escapeHtml(mail.text)}</pre>
${mail.html ? `<h2>HTML</h2><iframe sandbox="" title="The mail's HTML" srcdoc="${escapeHtml(mail.html)}"></iframe>` : ""}`,
  );
}

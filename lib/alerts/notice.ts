import { formatDuration } from "@/lib/format-time";
import { escapeHtml } from "@/lib/html";
import { plural } from "@/lib/utils";

/*
 * A notice as every channel renders it: the same facts the pages show (the endpoint, since when,
 * its dead letters, the main cause in words and what to do next, a link to its page) as plain
 * text and HTML for email, Slack's message format, and the JSON a webhook channel receives.
 */

export const NOTICE_KINDS = ["endpoint.failing", "endpoint.recovered", "watch.key_rejected", "test"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface NoticeEndpoint {
  id: string;
  /** Its description, or its URL when it has none. */
  name: string;
  url: string;
  state: "failing" | "recovered";
  /** When the failures began. */
  failing_since: string;
  /** Set on recovery: when a delivery got through again, and how long it was down. */
  recovered_at?: string;
  down_for_seconds?: number;
  dead_letters: number;
  failures?: number;
  /** The main cause in words ("HTTP 401: the receiver refuses the request: Invalid signature"). */
  cause?: string;
  /** What to do next. */
  next?: string;
  /** The endpoint's page (or its dead letters, on recovery); sign-in leads back to it. */
  link: string;
}

export interface Notice {
  id: string;
  kind: NoticeKind;
  created_at: string;
  organization: { id: string; name: string };
  /** A reminder of an endpoint still failing. */
  reminder?: boolean;
  endpoints: NoticeEndpoint[];
  /** What a notice without endpoints says (a rejected key, a test). */
  message?: string;
  /** The alerts page. */
  link: string;
}

export function subject(notice: Notice): string {
  const org = notice.organization.name;
  const [first] = notice.endpoints;
  const more =
    notice.endpoints.length > 1 ? ` and ${plural(notice.endpoints.length - 1, "more endpoint")}` : "";
  switch (notice.kind) {
    case "endpoint.failing":
      return `${notice.reminder ? "Still failing" : "Failing"}: ${first?.name ?? "an endpoint"}${more} (${org})`;
    case "endpoint.recovered":
      return `Recovered: ${first?.name ?? "an endpoint"}${more} (${org})`;
    case "watch.key_rejected":
      return `Watching stopped: Closient refused the key (${org})`;
    case "test":
      return `Test notice from the Closient portal (${org})`;
  }
}

/** "2026-12-07 18:24:48 UTC": one time for every reader, whatever their zone. */
export const when = (iso: string) => `${iso.replace("T", " ").slice(0, 19)} UTC`;

function endpointLines(e: NoticeEndpoint): string[] {
  if (e.state === "recovered") {
    return [
      `${e.name} recovered: a delivery got through at ${when(e.recovered_at ?? "")}.`,
      `  URL: ${e.url}`,
      `  Down for ${formatDuration(e.down_for_seconds ?? 0)} (failing since ${when(e.failing_since)}).`,
      e.dead_letters
        ? `  ${plural(e.dead_letters, "dead letter")} wait for a replay: ${e.link}`
        : `  No dead letter waits for a replay. ${e.link}`,
    ];
  }
  return [
    `${e.name} is failing since ${when(e.failing_since)}.`,
    `  URL: ${e.url}`,
    `  ${plural(e.dead_letters, "dead letter")}${e.failures ? `, ${plural(e.failures, "failure")} in a row` : ""}.`,
    ...(e.cause ? [`  Cause: ${e.cause}`] : []),
    ...(e.next ? [`  What to do: ${e.next}`] : []),
    `  ${e.link}`,
  ];
}

const linkWords = (e: NoticeEndpoint) =>
  e.state === "recovered" && e.dead_letters ? "Replay its dead letters" : "Open the endpoint";

export function plainText(notice: Notice): string {
  const lines = [subject(notice), ""];
  if (notice.message) lines.push(notice.message, "");
  for (const e of notice.endpoints) lines.push(...endpointLines(e), "");
  lines.push(`Alerts: ${notice.link}`, `Notice id: ${notice.id}`);
  return lines.join("\n");
}

export function html(notice: Notice): string {
  const blocks = notice.endpoints.map((e) => {
    const [head, ...rest] = endpointLines(e);
    return `<p><strong>${escapeHtml(head!)}</strong><br>${rest
      .map((line) => escapeHtml(line.trim()))
      .join("<br>")}</p><p><a href="${escapeHtml(e.link)}">${linkWords(e)}</a></p>`;
  });
  return [
    `<h1 style="font-size:18px">${escapeHtml(subject(notice))}</h1>`,
    notice.message ? `<p>${escapeHtml(notice.message)}</p>` : "",
    ...blocks,
    `<p style="color:#666;font-size:12px"><a href="${escapeHtml(notice.link)}">Alerts</a> · notice ${escapeHtml(notice.id)}</p>`,
  ].join("\n");
}

/** Slack's incoming-webhook format: a fallback text and blocks (mrkdwn, with Slack's three escapes). */
export function slackMessage(notice: Notice) {
  const esc = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return {
    text: subject(notice),
    blocks: [
      { type: "header", text: { type: "plain_text", text: subject(notice).slice(0, 150) } },
      ...(notice.message ? [{ type: "section", text: { type: "mrkdwn", text: esc(notice.message) } }] : []),
      ...notice.endpoints.slice(0, 20).map((e) => {
        const [head, ...rest] = endpointLines(e);
        return {
          type: "section",
          text: {
            type: "mrkdwn",
            text: `*${esc(head!)}*\n${rest
              .slice(0, -1)
              .map((l) => esc(l.trim()))
              .join("\n")}\n<${e.link}|${linkWords(e)}>`.slice(0, 3000),
          },
        };
      }),
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `<${notice.link}|Alerts> · notice ${notice.id}` }],
      },
    ],
  };
}

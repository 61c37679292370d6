import { formatDuration } from "@/lib/format-time";
import type { Delivery } from "@/lib/closient";
import { plural } from "@/lib/utils";
import { FAILING_STATUSES, type EndpointHealth } from "./health";

/*
 * Why an endpoint's deliveries fail, read from what its receiver answered: failures grouped by
 * cause (the HTTP status and what the answer says), and for each cause what it likely means and
 * what to do next. Pure: lib/server/diagnosis.ts reads the failures, the pages show the result.
 */

/** What a failed attempt got back, as far as a diagnosis needs it. */
export type Failure = Pick<
  Delivery,
  "id" | "endpoint_id" | "status" | "created_at" | "http_status_code" | "response_body" | "attempts"
>;

/** One cause of failure: an HTTP status and what the answer says, or no HTTP answer at all. */
export interface Cause {
  /** The same for every failure of this cause. */
  key: string;
  status: number | null;
  /** The answer's own words: an HTML page's title or first heading, a JSON error's message, a line. */
  says: string;
}

export interface CauseGroup {
  cause: Cause;
  count: number;
  /** Its failures by status (failed, rate_limited, dead_letter). */
  statuses: Record<string, number>;
  firstSeen: string;
  lastSeen: string;
  /** The newest failure of this cause: its answer is the group's sample. */
  sample: Failure;
}

const SAYS_MAX = 120;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Markup's text: tags dropped, the common entities decoded, runs of spaces folded. */
function text(markup: string): string {
  return markup
    .replace(/<[^>]*>?/g, " ")
    .replace(/&(#\d+|[a-z]+);/gi, (entity, name: string) =>
      name.startsWith("#")
        ? String.fromCodePoint(Number(name.slice(1)))
        : (ENTITIES[name.toLowerCase()] ?? entity),
    )
    .replace(/\s+/g, " ")
    .trim();
}

const clip = (value: string) => (value.length > SAYS_MAX ? `${value.slice(0, SAYS_MAX - 1)}…` : value);

/** A JSON error's own message, from the shapes receivers and frameworks answer with. */
function jsonMessage(body: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof json === "string") return json;
  if (typeof json !== "object" || json === null) return null;
  const record = json as Record<string, unknown>;
  for (const field of ["message", "error_description", "detail", "title", "error"]) {
    const value = record[field];
    if (typeof value === "string" && value.trim()) return value;
    if (typeof value === "object" && value !== null) {
      const nested = (value as Record<string, unknown>).message;
      if (typeof nested === "string" && nested.trim()) return nested;
    }
  }
  return null;
}

/**
 * What an answer says, in a line: an HTML page's `<title>` (or its first heading when the title is
 * missing or cut off), a JSON error's message, else the first line of text. Empty for no body.
 */
export function answerSays(body: string): string {
  const trimmed = body.trim();
  if (!trimmed) return "";
  if (/^<(!doctype|html|head|body|title|h1|center)\b/i.test(trimmed)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(trimmed)?.[1];
    const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(trimmed)?.[1];
    const found = [title, heading].map((part) => (part ? text(part) : "")).find(Boolean);
    return clip(found || text(trimmed));
  }
  const message = jsonMessage(trimmed);
  if (message !== null) return clip(text(message));
  return clip(
    trimmed
      .split(/\r?\n/)
      .find((line) => line.trim())!
      .trim(),
  );
}

/** Proxies, load balancers and hosts whose own error page names them. */
const PROXIES: [RegExp, string][] = [
  [/cloudflare/i, "Cloudflare"],
  [/cloudfront/i, "Amazon CloudFront"],
  [/awselb|elastic load balanc/i, "AWS Elastic Load Balancing"],
  [/nginx/i, "nginx"],
  [/varnish/i, "Varnish"],
  [/haproxy/i, "HAProxy"],
  [/envoy|upstream connect error/i, "Envoy"],
  [/traefik/i, "Traefik"],
  [/heroku/i, "Heroku"],
  [/fastly/i, "Fastly"],
  [/apache/i, "Apache"],
];

/** The proxy whose error page this is, if the page names one. */
export function proxyName(body: string): string | null {
  return PROXIES.find(([pattern]) => pattern.test(body))?.[1] ?? null;
}

export function causeOf(failure: Pick<Failure, "http_status_code" | "response_body">): Cause {
  const status = failure.http_status_code;
  if (status === null) return { key: "none", status: null, says: "" };
  const says = answerSays(failure.response_body);
  return { key: `${status}|${says}`, status, says };
}

/**
 * The failures (failed, rate limited, dead letters; other rows are left out) grouped by cause, the
 * most frequent first, then the most recent.
 */
export function groupFailures(deliveries: readonly Failure[]): CauseGroup[] {
  const groups = new Map<string, CauseGroup>();
  for (const failure of deliveries) {
    if (!FAILING_STATUSES.has(failure.status)) continue;
    const cause = causeOf(failure);
    const group = groups.get(cause.key);
    if (!group) {
      groups.set(cause.key, {
        cause,
        count: 1,
        statuses: { [failure.status]: 1 },
        firstSeen: failure.created_at,
        lastSeen: failure.created_at,
        sample: failure,
      });
      continue;
    }
    group.count++;
    group.statuses[failure.status] = (group.statuses[failure.status] ?? 0) + 1;
    if (failure.created_at < group.firstSeen) group.firstSeen = failure.created_at;
    if (failure.created_at > group.lastSeen) {
      group.lastSeen = failure.created_at;
      group.sample = failure;
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
}

/** Where the advice sends the admin. */
export type AdviceLink = "verify" | "recipes" | "settings";

export interface Advice {
  /** A heading for the cause, in words. */
  title: string;
  /** What it likely means. */
  meaning: string;
  /** What to do next. */
  next: string;
  links: AdviceLink[];
  /** The endpoint's last change, when the failures began after it (a rotation, an edit). */
  changedAt?: string;
  /** The recorded change the failures began after, in words: "401s began 2 min after bob… rotated the secret". */
  after?: string;
}

/** A change the activity log recorded: when, what, and who. */
export interface RecordedChange {
  at: string;
  action: string;
  actor: string;
}

/** The endpoint as the advice needs it: when it last changed, and its recorded changes, newest first. */
export interface EndpointChange {
  updated_at: string;
  created_at: string;
  recorded?: RecordedChange[];
}

const CHANGE_WORDS: Record<string, (actor: string) => string> = {
  "secret.rotated": (actor) => `after ${actor} rotated the secret`,
  "endpoint.updated": (actor) => `after ${actor} edited the endpoint`,
  "endpoint.changed_elsewhere": () => "after the endpoint was changed outside the portal",
};

/** The recorded change the failures began after (within a day), named in words, or undefined. */
function recordedCause(status: number, firstSeen: string, recorded: RecordedChange[] = []) {
  const change = recorded.find(
    (c) =>
      c.action in CHANGE_WORDS && c.at <= firstSeen && Date.parse(firstSeen) - Date.parse(c.at) <= 86_400_000,
  );
  if (!change) return undefined;
  const gap = formatDuration(Math.max(0, (Date.parse(firstSeen) - Date.parse(change.at)) / 1000));
  return `${status}s began ${gap} ${CHANGE_WORDS[change.action]!(change.actor)}.`;
}

const NO_ANSWER: Advice = {
  title: "No HTTP answer",
  meaning:
    "Closient got no HTTP answer: the host could not be reached or resolved, the connection was refused, the TLS handshake failed, or the receiver took longer than the 10 s an attempt is given.",
  next: "Check that the host resolves and its port is open from the internet, that its certificate is valid, and that the receiver answers within 10 s (answer first, do the work afterwards).",
  links: ["settings"],
};

/** What a cause likely means and what to do next, in plain words. */
export function adviceFor(
  group: Pick<CauseGroup, "cause" | "firstSeen" | "sample">,
  endpoint?: EndpointChange,
): Advice {
  const { status, says } = group.cause;
  if (status === null) return NO_ANSWER;
  const code = `HTTP ${status}`;
  if (status === 401 || status === 403) {
    // A change after creation (a rotation, an edit) right before the failures began is the likely cause.
    const changed =
      endpoint && endpoint.updated_at > endpoint.created_at && endpoint.updated_at <= group.firstSeen;
    const after = recordedCause(status, group.firstSeen, endpoint?.recorded);
    return {
      title: `${code}: the receiver refuses the request`,
      ...(after ? { after } : {}),
      meaning: changed
        ? "The failures began after this endpoint's last change, a secret rotation or an edit. If its signing secret was rotated then, the receiver still verifies with the old one, which stops working 24 hours after the rotation."
        : "The receiver does not accept the signature, or something in front of it (an auth proxy, a firewall) asks for credentials of its own.",
      next: changed
        ? "Give the receiver the endpoint's current secret, or let it accept both v1 and v1old during the rotation's 24 hours. Check a captured delivery with Verify a signature."
        : "Check that the receiver verifies with the endpoint's current signing secret, over the raw body, and that nothing in front of it demands a login. Check a captured delivery with Verify a signature.",
      links: ["verify", "recipes"],
      ...(changed ? { changedAt: endpoint.updated_at } : {}),
    };
  }
  if (status === 404 || status === 410) {
    return {
      title: `${code}: ${status === 410 ? "the receiver says this URL is gone" : "no such page at the receiver"}`,
      meaning:
        status === 410
          ? "The receiver says this URL is gone for good: the integration was removed or moved."
          : "The receiver has nothing at this URL: the path is wrong, or the route was removed or renamed.",
      next: "Compare the endpoint's URL with the receiver's route and fix it in Settings, then replay the dead letters.",
      links: ["settings"],
    };
  }
  if (status === 413) {
    return {
      title: `${code}: the body is too large for the receiver`,
      meaning: "The receiver, or a proxy in front of it, refuses request bodies this large.",
      next: "Raise the body size limit of the receiver or its proxy (nginx: client_max_body_size), then replay the dead letters.",
      links: [],
    };
  }
  if (status === 429) {
    return {
      title: `${code}: the receiver throttles Closient`,
      meaning:
        "The receiver answers that Closient sends too many requests. Closient retries these on their own track, waiting at least the Retry-After the receiver sends.",
      next: "Raise the receiver's rate limit for Closient's requests, or answer faster and queue the work; nothing needs replaying while they are retried.",
      links: [],
    };
  }
  if (status >= 300 && status < 400) {
    return {
      title: `${code}: a redirect, which Closient does not follow`,
      meaning:
        "The receiver answers with a redirect. Closient does not follow redirects, so the delivery counts as failed.",
      next: "Set the endpoint's URL to the final address (often https:// instead of http://, or with a trailing slash), then replay the dead letters.",
      links: ["settings"],
    };
  }
  if (status === 408 || status >= 500) {
    const proxy = proxyName(group.sample.response_body);
    return {
      title: proxy ? `${code} from ${proxy}: the receiver behind it is down` : `${code}: the receiver failed`,
      meaning: proxy
        ? `The answer is an error page of ${proxy}, in front of the receiver: ${proxy} is up, and the application behind it did not answer${says ? ` ("${says}")` : ""}.`
        : `The receiver failed while handling the webhook${says ? ` ("${says}")` : ""}.`,
      next: "Bring the receiver back, with its logs and its proxy's upstream. Closient retries failed deliveries on its schedule; replay the dead letters once it answers 2xx. Pausing the endpoint stops new events for it, and they are not delivered later.",
      links: [],
    };
  }
  return {
    title: `${code}: the receiver refuses the request`,
    meaning: `The receiver refused the webhook as it is${says ? ` ("${says}")` : ""}.`,
    next: "Read what it answered in a failed delivery's details, and fix the receiver's handling; replay the dead letters once it answers 2xx.",
    links: [],
  };
}

/** An endpoint's last 24 hours and why it fails: its health (EndpointHealth) with causes. */
export interface EndpointDiagnosis extends EndpointHealth {
  groups: CauseGroup[];
  /** Failures of the window read, and how many there are: "the newest N of M". */
  read: number;
  failuresTotal: number;
  windowStart: string;
}

/** An endpoint that is failing now, as the endpoint list's summary shows it. */
export interface FailingEndpoint {
  endpointId: string;
  counts: Record<"dead_letter" | "failed" | "rate_limited", number>;
  lastDelivered: string | null;
  failingSince: string;
  /** Failures since the last delivery that got through (among those read): the watcher's rule. */
  run: Record<"dead_letter" | "failed" | "rate_limited", number>;
  groups: CauseGroup[];
}

export interface FailingNow {
  endpoints: FailingEndpoint[];
  /** Every endpoint found failing now, for the list's Failing badges. */
  failingIds: string[];
  /** Endpoints failing now beyond those shown. */
  more: number;
  /** Every endpoint failing now, shown or not (the watcher reads them all). */
  all: FailingEndpoint[];
  /** Per endpoint, its newest delivery that got through among those read: a recovery's proof. */
  newestDelivered: Record<string, string>;
  /** Per endpoint, when its dead letters read were made: those that wait for a replay. */
  deadLetters: Record<string, string[]>;
  read: number;
  failuresTotal: number;
  windowStart: string;
  calls: number;
}

/** "3 dead letters, 2 failed, 1 rate limited": failures by status, the statuses with none left out. */
export function failureCounts(counts: Partial<Record<string, number>>): string {
  return [
    counts.dead_letter ? plural(counts.dead_letter, "dead letter") : "",
    counts.failed ? `${counts.failed} failed` : "",
    counts.rate_limited ? `${counts.rate_limited} rate limited` : "",
  ]
    .filter(Boolean)
    .join(", ");
}

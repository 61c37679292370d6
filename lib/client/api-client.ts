import { ClosientError, isErrorEnvelope, withReference } from "@/lib/closient/closient-error";
import { toSearchParams } from "@/lib/closient/paths";
import type {
  Delivery,
  DeliveryListFilters,
  DeliveryResult,
  Endpoint,
  EndpointCreateInput,
  EndpointUpdateInput,
  Paginated,
} from "@/lib/closient";
import type { ReportedActivity } from "@/lib/activity/entry";
import type {
  ChannelInput,
  ChannelView,
  RuleInput,
  StoredKeyView,
  WatchingView,
} from "@/lib/alerts/settings";
import type { GrantView } from "@/lib/access/grants";
import type { LinkInput } from "@/lib/access/links";
import type { SessionInfo } from "@/lib/sign-in/session-info";

/**
 * The browser's only way to the API: the portal's own routes, same shapes as Closient's.
 * Every failure is a ClosientError carrying the envelope's code, message and details.
 *
 * Answers are not parsed with the schemas here: the portal's routes validated every upstream
 * answer with them on the server, so the browser ships no schema library for reading.
 */
/** The rate-limit state the portal passes on from Closient (`RateLimit-*`, `Retry-After`). */
function rateLimitHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (/^(ratelimit-|retry-after$)/i.test(name)) headers[name] = value;
  });
  return headers;
}

async function send<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ data: T; headers: Record<string, string> }> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? headers : { ...headers, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch {
    throw new ClosientError(
      0,
      "NETWORK_ERROR",
      "The portal could not be reached. Check your connection and retry.",
    );
  }
  if (response.status === 204) return { data: null as T, headers: {} };
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    // The message names the request's id, so a screenshot leads support to its log lines.
    const reference = response.headers.get("x-request-id");
    if (isErrorEnvelope(json)) {
      const { error } = json;
      throw ClosientError.fromEnvelope(
        { error: { ...error, message: withReference(error.message, reference) } },
        rateLimitHeaders(response),
      );
    }
    throw new ClosientError(
      response.status,
      "INTERNAL_ERROR",
      withReference(`The portal answered ${response.status}.`, reference),
    );
  }
  if (json === null) {
    throw new ClosientError(
      response.status,
      "INTERNAL_ERROR",
      "The portal sent an answer it could not read.",
    );
  }
  return { data: json as T, headers: rateLimitHeaders(response) };
}

/**
 * What the page knows of a replay that Closient's route does not say: the delivery's endpoint and
 * the bulk replay it is part of. Portal headers, for the activity log only.
 */
interface ReplayContext {
  endpointId?: string;
  bulkRun?: string;
}
function replayHeaders({ endpointId, bulkRun }: ReplayContext): Record<string, string> {
  return {
    ...(endpointId ? { "X-Portal-Endpoint-Id": endpointId } : {}),
    ...(bulkRun ? { "X-Portal-Bulk-Replay": bulkRun } : {}),
  };
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await send<T>(method, path, body)).data;
}

export const api = {
  signIn: (apiKey: string) => request<SessionInfo>("POST", "/api/session", { api_key: apiKey }),
  signInSandbox: () => request<SessionInfo>("POST", "/api/session/sandbox"),
  signOut: () => request<null>("DELETE", "/api/session"),

  createEndpoint: (body: EndpointCreateInput) => request<Endpoint>("POST", "/api/webhooks/endpoints", body),
  updateEndpoint: (id: string, body: EndpointUpdateInput) =>
    request<Endpoint>("PATCH", `/api/webhooks/endpoints/${id}`, body),
  rotateSecret: (id: string) => request<Endpoint>("POST", `/api/webhooks/endpoints/${id}/rotate-secret`),
  testEndpoint: (id: string) => request<DeliveryResult>("POST", `/api/webhooks/endpoints/${id}/test`),

  listDeliveries: (query: DeliveryListFilters) =>
    request<Paginated<Delivery>>("GET", `/api/webhooks/deliveries?${toSearchParams(query).toString()}`),
  /** The same, with the rate-limit state, for work that paces itself (the log's export). */
  listDeliveriesPaced: (query: DeliveryListFilters) =>
    send<Paginated<Delivery>>("GET", `/api/webhooks/deliveries?${toSearchParams(query).toString()}`),
  replayDelivery: (id: string, on: ReplayContext = {}) =>
    send<DeliveryResult>("POST", `/api/webhooks/deliveries/${id}/replay`, undefined, replayHeaders(on)).then(
      ({ data }) => data,
    ),
  /** The same, with the rate-limit state, for work that paces itself (the bulk replay). */
  replayDeliveryPaced: (id: string, on: ReplayContext = {}) =>
    send<DeliveryResult>("POST", `/api/webhooks/deliveries/${id}/replay`, undefined, replayHeaders(on)),

  /** What the browser did itself, for the activity log: a bulk replay's start and end, an export. */
  reportActivity: (body: ReportedActivity) => request<null>("POST", "/api/activity", body),

  startWatching: (how: { apiKey?: string; keepKey?: boolean }) =>
    request<WatchingView>(
      "PUT",
      "/api/alerts/watching",
      how.apiKey ? { api_key: how.apiKey } : how.keepKey ? { keep_key: true } : {},
    ),
  stopWatching: () =>
    request<{ watching: null; key_erased: boolean; key_kept_for_links: number }>(
      "DELETE",
      "/api/alerts/watching",
    ),
  setAlertRule: (body: RuleInput) => request<RuleInput>("PUT", "/api/alerts/rule", body),
  /** A webhook channel's signing secret is in this answer only. */
  addChannel: (body: ChannelInput) =>
    request<ChannelView & { signing_secret?: string }>("POST", "/api/alerts/channels", body),
  removeChannel: (id: string) => request<{ id: string }>("DELETE", `/api/alerts/channels/${id}`),
  testChannel: (id: string) => request<{ notice_id: string }>("POST", `/api/alerts/channels/${id}/test`),

  storeKey: (apiKey?: string) =>
    request<StoredKeyView>("PUT", "/api/access/key", apiKey ? { api_key: apiKey } : {}),
  eraseKey: () => request<{ revoked: number }>("DELETE", "/api/access/key"),
  /** The link's `url` is in this answer only. */
  createLink: (body: LinkInput) =>
    request<GrantView & { url: string; mailed: boolean }>("POST", "/api/access/links", body),
  revokeGrant: (id: string) => request<GrantView>("DELETE", `/api/access/grants/${id}`),
  redeemLink: (token: string) => request<SessionInfo>("POST", "/api/access/redeem", { token }),
};

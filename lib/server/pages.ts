import "server-only";
import { alertStates, alertsView, listNotices } from "./alerts/settings";
import { accessView } from "./access/grants";
import { notFound } from "next/navigation";
import { ClosientError, isShortUuid, type Delivery, type DeliveryListFilters } from "@/lib/closient";
import { endpointName } from "@/lib/endpoints/names";
import type { EndpointFilters } from "@/lib/endpoints/list-filters";
import { activityFiltersFrom } from "@/lib/activity/entry";
import { listActivity } from "./activity";
import { noticeChangesElsewhere } from "./changes-elsewhere";
import { endpointDiagnosis, failingNow } from "./diagnosis";
import { endpointDirectory } from "./endpoint-directory";
import { env } from "./env";
import { load, requestTime, type Loaded } from "./load";
import { portalStore } from "./portal-store";
import type { PageSession } from "./session";
import { webhooks } from "./webhooks";

/*
 * One loader per page: a page calls requireSession(), then its loader, then renders. A loader
 * reads Closient through the same services the API routes use (load() turns a 404 into the
 * not-found page and a refused key into sign-in), and says what it could not read rather than
 * failing the page for a part the page stands without.
 */

/** The endpoints, and the failing ones among them (a hint: without it the list still stands). */
export async function loadEndpointList({ caller, info }: PageSession, filters: EndpointFilters) {
  const [page, failing, alerts] = await Promise.all([
    load(caller, (c) => webhooks.listEndpoints(c, { ...filters, page_size: 50 })),
    failingNow(caller, info.organization.id, requestTime()).catch(() => null),
    alertStates(info.organization.id),
  ]);
  if (page.ok) void noticeChangesElsewhere(info.organization.id, page.data.data);
  return { page, failing, alerts };
}

/** One endpoint, with its day's health and diagnosis when they can be read. */
export async function loadEndpoint({ caller, info }: PageSession, endpointId: string) {
  if (!isShortUuid(endpointId)) notFound();
  const endpoint = await load(caller, (c) => webhooks.getEndpoint(c, endpointId));
  if (!endpoint.ok)
    return { endpoint, health: null, changes: null, alerts: null, allowHttp: env().isSandbox };
  await noticeChangesElsewhere(info.organization.id, [endpoint.data]);
  const [health, changes, alerts] = await Promise.all([
    endpointDiagnosis(caller, info.organization.id, endpointId, requestTime()).catch(() => null),
    // Its last few changes; the page stands without them when the store does not answer.
    portalStore()
      .then((db) => listActivity(db, info.organization.id, { endpoint: endpointId, limit: 10 }))
      .then((page) => page.data)
      .catch(() => null),
    alertStates(info.organization.id),
  ]);
  return { endpoint, health, changes, alerts, allowHttp: env().isSandbox };
}

export interface DeliveryView {
  delivery: Delivery;
  endpointName: string | null;
  /** Later deliveries of the same event to the same endpoint; null when they could not be read. */
  newer: Delivery[] | null;
}

/**
 * One delivery, from its row. Closient has no single-delivery read, so the row's link carries
 * its endpoint and time, and the delivery is found in that endpoint's log around that time (one
 * list call); then the newer deliveries of the same event (one more) and the endpoint's name.
 */
export async function loadDelivery(
  { caller, info }: PageSession,
  { deliveryId, endpointId, at }: { deliveryId: string; endpointId?: string; at?: string },
): Promise<Loaded<DeliveryView>> {
  if (!isShortUuid(deliveryId) || !endpointId || !isShortUuid(endpointId)) notFound();
  const when = at && !Number.isNaN(Date.parse(at)) ? at : undefined;
  const around: DeliveryListFilters = { endpoint_id: endpointId, created_after: when, created_before: when };
  const found = await load(caller, async (c) => {
    const { data } = await webhooks.listDeliveries(c, { ...around, page: 1, page_size: 50 });
    return { data: data.data.find((d) => d.id === deliveryId) ?? null };
  });
  if (!found.ok) return found;
  const delivery = found.data;
  if (!delivery) notFound();

  const [later, directory] = await Promise.all([
    load(caller, (c) =>
      webhooks.listDeliveries(c, {
        endpoint_id: endpointId,
        created_after: delivery.created_at,
        page: 1,
        page_size: 50,
      }),
    ),
    endpointDirectory(caller, info.organization.id, [endpointId]),
  ]);
  const endpoint = directory.known.get(endpointId);
  return {
    ok: true,
    data: {
      delivery,
      endpointName: endpoint ? endpointName(endpoint) : null,
      newer: later.ok
        ? later.data.data.filter((d) => d.event_id === delivery.event_id && d.id !== delivery.id)
        : null,
    },
  };
}

/** The signature check's page, opened from an endpoint (`?endpoint=`): that endpoint's masked secret. */
export async function loadVerify({ caller }: PageSession, endpointId: string | undefined) {
  if (!endpointId) return { endpoint: null, notice: null };
  const read = isShortUuid(endpointId)
    ? await webhooks.getEndpoint(caller, endpointId).then(
        ({ data }) => data,
        () => null,
      )
    : null;
  return read
    ? { endpoint: { id: read.id, name: endpointName(read), maskedSecret: read.signing_secret }, notice: null }
    : {
        endpoint: null,
        notice: "That endpoint could not be read, so the check cannot compare the secret with its own.",
      };
}

/** The organization's activity log with the URL's filters, one page, and the endpoints to filter by. */
export async function loadActivity({ caller, info }: PageSession, params: URLSearchParams) {
  const { filters, period, dropped } = activityFiltersFrom(params, requestTime());
  const [page, directory] = await Promise.all([
    portalStore()
      .then((db) => listActivity(db, info.organization.id, filters))
      .then((data): Loaded<typeof data> => ({ ok: true, data }))
      .catch((): Loaded<never> => ({
        ok: false,
        message:
          "The activity log cannot be read just now: the portal's database does not answer. Try again shortly.",
      })),
    endpointDirectory(caller, info.organization.id, filters.endpoint ? [filters.endpoint] : []),
  ]);
  return {
    filters,
    period,
    dropped,
    page,
    endpoints: directory.newest.map((e) => ({ id: e.id, name: endpointName(e) })),
    endpointName: filters.endpoint
      ? (() => {
          const known = directory.known.get(filters.endpoint);
          return known ? endpointName(known) : filters.endpoint;
        })()
      : null,
  };
}

/** The alerts page: the settings and a page of notices, from the portal's own store. */
export async function loadAlerts({ info }: PageSession, cursor: string | undefined) {
  const orgId = info.organization.id;
  try {
    const [view, notices] = await Promise.all([alertsView(orgId), listNotices(orgId, { cursor, limit: 20 })]);
    return { ok: true as const, view, notices };
  } catch (error) {
    return {
      ok: false as const,
      message: error instanceof ClosientError ? error.message : "The alert settings could not be read.",
    };
  }
}

/** The access page: the stored key and every grant, from the portal's own store. */
export async function loadAccess({ info }: PageSession) {
  try {
    return { ok: true as const, view: await accessView(info.organization.id) };
  } catch (error) {
    return {
      ok: false as const,
      message: error instanceof ClosientError ? error.message : "The access settings could not be read.",
    };
  }
}

import "server-only";
import { redirect } from "next/navigation";
import { isShortUuid, type DeliveryListFilters } from "@/lib/closient";
import { deliveryViewFrom } from "@/lib/deliveries/log-filters";
import { filterChips, filterNotice, type DeliveryLogView } from "@/lib/deliveries/log-view";
import { endpointLabels, endpointName, matchEndpoint } from "@/lib/endpoints/names";
import type { Caller } from "./caller";
import { endpointDirectory } from "./endpoint-directory";
import type { PageSession as Session } from "./session";
import { load } from "./load";
import { webhooks } from "./webhooks";

/**
 * An endpoint typed in the filter's free-text field becomes the canonical `endpoint_id`: the
 * page answers with one redirect, to the same log with the id (or the text that matched none).
 */
async function redirectTypedEndpoint({ caller, info }: Session, params: URLSearchParams, typed: string) {
  params.delete("endpoint");
  const text = typed.trim();
  let id: string | null = isShortUuid(text) ? text : null;
  if (!id && text) {
    const { known } = await endpointDirectory(caller, info.organization.id, [], { fresh: true });
    id = matchEndpoint(text, [...known.values()]);
    if (!id) params.set("endpoint_unmatched", text.slice(0, 100));
  }
  if (id) params.set("endpoint_id", id);
  for (const [name, value] of [...params]) if (value === "") params.delete(name);
  redirect(`/deliveries${params.size ? `?${params.toString()}` : ""}`);
}

/** The dead letters the filters hold: the page's own count, or one more call (page_size 1). */
async function countDeadLetters(caller: Caller, filters: DeliveryListFilters, list: DeliveryLogView["list"]) {
  if (!list.ok) return null;
  if (filters.status === "dead_letter") return list.data.pagination.total_count;
  if (filters.status) return null;
  try {
    const counted = await webhooks.listDeliveries(caller, {
      ...filters,
      status: "dead_letter",
      page: 1,
      page_size: 1,
    });
    return counted.data.pagination.total_count;
  } catch {
    return null;
  }
}

/** The delivery log for `params` (the page's URL), as `session` may see it at `now`. */
export async function loadDeliveryLog(
  session: Session,
  params: URLSearchParams,
  now: number,
): Promise<DeliveryLogView> {
  const typed = params.get("endpoint");
  if (typed !== null) await redirectTypedEndpoint(session, params, typed);

  const { caller, info } = session;
  const { filters, since, dropped } = deliveryViewFrom(params, now);
  const unmatched = params.get("endpoint_unmatched");
  const list = await load(caller, (c) =>
    webhooks.listDeliveries(c, { ...filters, page: filters.page ?? 1, page_size: 50 }),
  );
  const ids = list.ok ? list.data.data.map((d) => d.endpoint_id) : [];
  if (filters.endpoint_id) ids.push(filters.endpoint_id);
  const directory = await endpointDirectory(caller, info.organization.id, ids);
  const labels = endpointLabels(ids, directory.known);
  return {
    filters,
    since,
    notice: filterNotice(dropped, unmatched),
    unmatched,
    list,
    labels,
    choices: directory.newest.map((e) => ({ id: e.id, name: endpointName(e), url: e.url })),
    deadLetters: await countDeadLetters(caller, filters, list),
    chips: filterChips(filters, since, (id) => labels.get(id)?.name ?? id),
  };
}

import type { DeliveryListFilters } from "@/lib/closient";

/** The log's filters as the activity log keeps them: names and values, as text. */
export function filtersSeen(filters: DeliveryListFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined && value !== null && value !== "")
      .map(([name, value]) => [name, String(value).slice(0, 200)]),
  );
}

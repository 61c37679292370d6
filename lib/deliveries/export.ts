import type { Delivery, DeliveryListFilters, Paginated } from "@/lib/closient";
import { csvLines } from "@/lib/csv";
import { retryAfter, sleep as defaultSleep, waitAfter } from "./pacing";

/*
 * The delivery log as a file: every row the log's filters match, read page by page from the
 * browser through the portal's route, paced by Closient's rate limit, up to 10,000 rows. Pure of
 * fetch and of the UI: the caller passes the list operation (lib/deliveries/export.test.ts).
 */

export const EXPORT_MAX_ROWS = 10_000;
const PAGE_SIZE = 50;

export type ListPaced = (
  query: DeliveryListFilters,
) => Promise<{ data: Paginated<Delivery>; headers: Record<string, string> }>;

export interface ExportProgress {
  rows: number;
  /** What the filters match, as the first page said. */
  total: number;
  waitingSeconds: number | null;
}

export interface Collected {
  rows: Delivery[];
  /** What the filters matched when the export began. */
  total: number;
  /** More rows matched than an export takes. */
  truncated: boolean;
}

/**
 * Reads every row `filters` match, newest first. The time is pinned when it begins (rows that
 * arrive meanwhile are not in it, so pages do not shift); a 429 is waited out and the page asked
 * again; `signal` cancels it between pages.
 */
export async function collectLog(
  list: ListPaced,
  filters: DeliveryListFilters,
  {
    signal,
    onProgress,
    sleep = defaultSleep,
    max = EXPORT_MAX_ROWS,
    now = () => new Date().toISOString(),
  }: {
    signal?: AbortSignal;
    onProgress?: (progress: ExportProgress) => void;
    sleep?: (ms: number) => Promise<void>;
    max?: number;
    now?: () => string;
  } = {},
): Promise<Collected> {
  const query: DeliveryListFilters = {
    ...filters,
    page: undefined,
    page_size: PAGE_SIZE,
    created_before: filters.created_before ?? now(),
  };
  const rows: Delivery[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (let page = 1; rows.length < max; page++) {
    signal?.throwIfAborted();
    let answer: Awaited<ReturnType<ListPaced>>;
    for (;;) {
      try {
        answer = await list({ ...query, page });
        break;
      } catch (error) {
        const wait = retryAfter(error);
        if (wait === null) throw error;
        onProgress?.({ rows: rows.length, total, waitingSeconds: wait });
        await sleep(wait * 1000);
        signal?.throwIfAborted();
      }
    }
    if (page === 1) total = answer.data.pagination.total_count;
    for (const row of answer.data.data) {
      if (rows.length >= max || seen.has(row.id)) continue;
      seen.add(row.id);
      rows.push(row);
    }
    const wait = waitAfter(answer.headers, 1);
    onProgress?.({ rows: rows.length, total, waitingSeconds: wait || null });
    if (!answer.data.pagination.has_next) return { rows, total, truncated: false };
    if (wait > 0) await sleep(wait * 1000);
  }
  return { rows, total, truncated: true };
}

/** The columns of an exported row, in order: every field of a delivery. */
export const EXPORT_COLUMNS = [
  "id",
  "endpoint_id",
  "event_id",
  "event_type",
  "status",
  "attempts",
  "http_status_code",
  "response_body",
  "created_at",
  "last_attempted_at",
] as const satisfies readonly (keyof Delivery)[];

/** The rows as CSV with a header line, CRLF between lines (RFC 4180). */
export function toCsv(rows: readonly Delivery[]): string {
  return csvLines(
    EXPORT_COLUMNS,
    rows.map((row) => EXPORT_COLUMNS.map((column) => row[column])),
  );
}

/** The rows as a JSON array of objects with the same fields, in the same order. */
export function toJson(rows: readonly Delivery[]): string {
  return `${JSON.stringify(
    rows.map((row) => Object.fromEntries(EXPORT_COLUMNS.map((column) => [column, row[column]]))),
    null,
    2,
  )}\n`;
}

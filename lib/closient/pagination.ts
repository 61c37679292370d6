import { z } from "zod";
import { describeUnreadable, type UnreadableRow } from "./read";

export const MAX_PAGE_SIZE = 50;

export const paginationSchema = z.object({
  page: z.number().int(),
  page_size: z.number().int(),
  total_count: z.number().int(),
  total_pages: z.number().int(),
  has_next: z.boolean(),
  has_previous: z.boolean(),
});
export type Pagination = z.infer<typeof paginationSchema>;

/** A page of `T` as the portal's routes answer it: the upstream's shape. */
export interface Paginated<T> {
  data: T[];
  pagination: Pagination;
  /** Rows of the upstream's page that could not be read and were left out (the portal's own). */
  unreadable?: number;
}

/** A page as read from Closient: the rows it could read, and why the others could not be. */
export interface ReadPage<T> {
  data: T[];
  pagination: Pagination;
  unreadable: UnreadableRow[];
}

const whole = (value: unknown, fallback: number) =>
  Number.isInteger(value) && (value as number) >= 0 ? (value as number) : fallback;

/** Pagination read liberally: a missing or odd field is worked out from the rows and the rest. */
function readPagination(raw: unknown, rows: number): Pagination {
  const p = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const page = Math.max(1, whole(p.page, 1));
  const pageSize = Math.max(1, whole(p.page_size, Math.max(rows, 1)));
  const totalCount = whole(p.total_count, (page - 1) * pageSize + rows);
  const totalPages = whole(p.total_pages, Math.ceil(totalCount / pageSize));
  return {
    page,
    page_size: pageSize,
    total_count: totalCount,
    total_pages: totalPages,
    has_next: typeof p.has_next === "boolean" ? p.has_next : page < totalPages,
    has_previous: typeof p.has_previous === "boolean" ? p.has_previous : page > 1,
  };
}

/**
 * A page of Closient's list: `{data: [...], pagination}`. Each row is read on its own, and one
 * that cannot be read is left out and described in `unreadable`; only an answer with no list at
 * all fails.
 */
export function paginatedSchema<T extends z.ZodType>(item: T) {
  // The usual answer, read on zod's fast path in one go; only a page that fails it is read row by
  // row, so one bad row costs that page a second pass and costs no other page anything.
  const whole = z.object({ data: z.array(item), pagination: paginationSchema });
  return z
    .object({ data: z.array(z.unknown()), pagination: z.unknown().optional() })
    .transform((page): ReadPage<z.output<T>> => {
      const fast = whole.safeParse(page);
      if (fast.success) return { data: fast.data.data, pagination: fast.data.pagination, unreadable: [] };
      const data: z.output<T>[] = [];
      const unreadable: UnreadableRow[] = [];
      page.data.forEach((raw, index) => {
        const row = item.safeParse(raw);
        if (row.success) data.push(row.data);
        else unreadable.push(describeUnreadable(index, raw, row.error));
      });
      return { data, pagination: readPagination(page.pagination, page.data.length), unreadable };
    });
}

/** `page` ≥ 1 and `page_size` 1–50 (default 50), from query strings. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1, "page starts at 1.").default(1),
  page_size: z.coerce
    .number()
    .int()
    .min(1, "page_size is at least 1.")
    .max(MAX_PAGE_SIZE, `page_size is at most ${MAX_PAGE_SIZE}.`)
    .default(MAX_PAGE_SIZE),
});

export function buildPagination(page: number, pageSize: number, totalCount: number): Pagination {
  const totalPages = Math.ceil(totalCount / pageSize);
  return {
    page,
    page_size: pageSize,
    total_count: totalCount,
    total_pages: totalPages,
    has_next: page < totalPages,
    has_previous: page > 1,
  };
}

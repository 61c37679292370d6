import { z } from "zod";

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

export function paginatedSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), pagination: paginationSchema });
}

/** A page of `T`, as `paginatedSchema(T)` reads it. */
export interface Paginated<T> {
  data: T[];
  pagination: Pagination;
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

"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { toSearchParams } from "@/lib/closient";

type QueryValue = Parameters<typeof toSearchParams>[0][string];

/**
 * A list's filters kept in the URL, so a filtered page can be reloaded, shared and navigated
 * back to. `parse` reads them with the shared schemas; `go` writes a new set.
 */
export function useUrlFilters<F extends Record<string, QueryValue>>(parse: (params: URLSearchParams) => F) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = parse(new URLSearchParams(params.toString()));
  const go = (next: F) => router.push(`${pathname}?${toSearchParams(next).toString()}`);
  return { filters, go, pathname };
}

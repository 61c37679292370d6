import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

/**
 * A react-hook-form resolver over one of the shared zod schemas, downloaded with zod when the form
 * is first checked (its first submit), not with the page: the same rules as the server's, and a
 * page that stays in its weight budget until someone fills a form.
 */
export function lazyZodResolver<T extends FieldValues, Out>(
  schema: () => Promise<z.ZodType<Out, T>>,
): Resolver<T, unknown, Out> {
  return async (values, context, options) => {
    const [{ zodResolver }, loaded] = await Promise.all([import("@hookform/resolvers/zod"), schema()]);
    return zodResolver(loaded)(values, context, options);
  };
}

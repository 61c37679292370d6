import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { ClosientError, withReference } from "@/lib/closient";
import type { Caller } from "./caller";
import { signInForThisPage } from "./session";

/** The time of the request being rendered: one value for every "3 minutes ago" on the page. */
export const requestTime = cache(() => Date.now());

export type Loaded<T> = { ok: true; data: T } | { ok: false; message: string };

/**
 * What a server page reads from Closient as `caller` (requireSession), through the same service
 * the API routes use. An upstream 404 is the not-found page and a refused key sends the admin to
 * sign in again; any other failure comes back as a message, with its reference, for the page to
 * show with a retry.
 */
export async function load<T>(
  caller: Caller,
  read: (caller: Caller) => Promise<{ data: T }>,
): Promise<Loaded<T>> {
  try {
    return { ok: true, data: (await read(caller)).data };
  } catch (error) {
    if (error instanceof ClosientError && error.status === 404) notFound();
    if (error instanceof ClosientError && error.status === 401) redirect(await signInForThisPage("expired"));
    const message = error instanceof ClosientError ? error.message : "The page could not be loaded.";
    return { ok: false, message: withReference(message, caller.requestId) };
  }
}

import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { ClosientError, withReference } from "@/lib/closient";
import type { Caller } from "./caller";
import { currentSession } from "./session";

/** The time of the request being rendered: one value for every "3 minutes ago" on the page. */
export const requestTime = cache(() => Date.now());

export type Loaded<T> = { ok: true; data: T } | { ok: false; message: string };

/**
 * What a server page reads from Closient, through the same service the API routes use. An
 * upstream 404 is the not-found page and a refused key sends the admin to sign in again; any
 * other failure comes back as a message for the page to show with a retry.
 */
export async function load<T>(read: (caller: Caller) => Promise<{ data: T }>): Promise<Loaded<T>> {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  try {
    return { ok: true, data: (await read(session.caller)).data };
  } catch (error) {
    if (error instanceof ClosientError && error.status === 404) notFound();
    if (error instanceof ClosientError && error.status === 401) redirect("/sign-in?reason=expired");
    const message = error instanceof ClosientError ? error.message : "The page could not be loaded.";
    return { ok: false, message: withReference(message, session.caller.requestId) };
  }
}

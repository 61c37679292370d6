/**
 * Where an admin returns after signing in: the page they opened, filters included, so a link
 * shared during an incident survives an expired session. Only a path on this portal is kept;
 * anything that could leave it (`//host`, `https://…`, a backslash, a control character) is
 * refused, as are the sign-in page itself and the API.
 */

const BASE = "http://portal.invalid";

/** The page a request asked for (path and query), as proxy.ts hands it to server components. */
export const REQUESTED_PATH_HEADER = "x-portal-path";

/** `value` as a same-origin path to return to, or null when it is none. */
export function returnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 4096) return null;
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  if (url.pathname === "/sign-in" || url.pathname.startsWith("/api/")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's URL that brings the admin back to `from` (a path) afterwards. */
export function signInHref(from: string | null | undefined, reason?: "expired"): string {
  const query = new URLSearchParams();
  if (reason) query.set("reason", reason);
  const back = returnPath(from);
  if (back && back !== "/webhooks") query.set("next", back);
  const search = query.toString();
  return search ? `/sign-in?${search}` : "/sign-in";
}

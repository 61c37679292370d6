/*
 * Who may do what in the portal: each role is a set of capabilities. The server checks them on
 * every route and page that changes something (lib/server/route.ts, lib/server/access/); the pages
 * show a refused control disabled, with why. Pure: both sides read it.
 */

export const ACCESS_ROLES = ["admin", "on_call", "viewer"] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];
/** The roles a link can give: an admin signs in with their own key. */
export const LINK_ROLES = ["viewer", "on_call"] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

export const CAPABILITIES = [
  "endpoints.manage",
  "endpoints.pause",
  "endpoints.test",
  "deliveries.replay",
  "secrets.rotate",
  "alerts.manage",
  "access.manage",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const ON_CALL: readonly Capability[] = ["endpoints.pause", "endpoints.test", "deliveries.replay"];

const GRANTED: Record<AccessRole, readonly Capability[]> = {
  admin: CAPABILITIES,
  on_call: ON_CALL,
  viewer: [],
};

export function can(role: AccessRole, capability: Capability): boolean {
  return GRANTED[role].includes(capability);
}

export const ROLE_WORDS: Record<AccessRole, string> = {
  admin: "Admin",
  on_call: "On call",
  viewer: "Viewer",
};

export const ROLE_SUMMARY: Record<LinkRole, string> = {
  viewer:
    "Sees everything (endpoints with masked secrets, deliveries, the diagnosis, the activity log, the alert settings); changes nothing.",
  on_call:
    "A viewer who can also pause and resume endpoints, send a test ping, and replay deliveries (one or all dead letters).",
};

/** Why a role may not do this, in words the page shows beside the disabled control. */
export function refusal(role: AccessRole): string {
  if (role === "viewer") return "Your access is view-only.";
  if (role === "on_call")
    return "Your on-call access can pause, resume, test and replay; an admin does the rest.";
  return "";
}

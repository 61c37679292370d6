import type { StoredKeyView } from "@/lib/alerts/settings";
import type { LinkRole } from "./roles";

/* The grants as the access page and `GET /api/access/grants` show them. Pure, and free of zod. */

export interface GrantView {
  id: string;
  holder: string;
  role: LinkRole;
  created_by: string;
  created_at: string;
  /** The link must be opened by then; null once it was. */
  redeem_by: string | null;
  redeemed_at: string | null;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  status: "waiting" | "active" | "expired" | "revoked" | "unused";
}

export interface AccessView {
  stored_key: StoredKeyView | null;
  grants: GrantView[];
  can_store: boolean;
  email_ready: boolean;
}

/** What a grant is now, in one word for the page. */
export function grantStatus(
  g: Pick<GrantView, "revoked_at" | "redeemed_at" | "expires_at"> & { redeem_by: string },
  now: string,
): GrantView["status"] {
  if (g.revoked_at) return "revoked";
  if (g.expires_at <= now) return "expired";
  if (g.redeemed_at) return "active";
  return g.redeem_by <= now ? "unused" : "waiting";
}

export const GRANT_STATUS_WORDS: Record<GrantView["status"], string> = {
  waiting: "Link not opened yet",
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
  unused: "Link never opened",
};

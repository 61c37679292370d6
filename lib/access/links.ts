import { z } from "zod";
import type { StoredKeyView } from "@/lib/alerts/settings";
import { LINK_ROLES, type LinkRole } from "./roles";

/** The body of `POST /api/access/links`: for whom, which role, for how long (1 hour to 30 days). */
export const linkSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "Enter the person's name or email.")
    .max(120, "At most 120 characters.")
    .refine((v) => !/[\r\n<>]/.test(v), "Use a name or an email, on one line."),
  role: z.enum(LINK_ROLES, { error: "Choose Viewer or On call." }),
  expires_in_hours: z.coerce
    .number({ error: "Enter a number of hours." })
    .int("Enter whole hours.")
    .min(1, "At least 1 hour.")
    .max(720, "At most 30 days (720 hours)."),
  /** Also mail the link to `name`, when it is an email and the portal can send mail. */
  email: z.boolean().optional(),
});
export type LinkInput = z.infer<typeof linkSchema>;

/** A link's token: 32 random bytes, base64url (43 characters). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const redeemSchema = z.strictObject({ token: z.string().max(200) });

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

import { z } from "zod";
import { ACCESS_ROLES } from "@/lib/access/roles";

/** What `GET /api/session` tells the browser: the organization and the key's label, never the key. */
export const sessionInfoSchema = z.object({
  organization: z.object({ id: z.string(), name: z.string() }),
  key_description: z.string(),
  role: z.string(),
  /** Who the activity log names for this session's actions: a user's email or a key's description. */
  actor: z.object({ kind: z.enum(["user", "key", "link"]), name: z.string() }),
  /** What this session may do: an admin (their own key), or an access link's role. */
  access: z.enum(ACCESS_ROLES),
  sandbox: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

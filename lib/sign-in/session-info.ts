import { z } from "zod";

/** What `GET /api/session` tells the browser: the organization and the key's label, never the key. */
export const sessionInfoSchema = z.object({
  organization: z.object({ id: z.string(), name: z.string() }),
  key_description: z.string(),
  role: z.string(),
  /** Who the activity log names for this session's actions: a user's email or a key's description. */
  actor: z.object({ kind: z.enum(["user", "key"]), name: z.string() }),
  sandbox: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

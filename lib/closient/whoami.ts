import { z } from "zod";

/** `GET /account/api/v1/whoami` */
export const whoamiSchema = z.object({
  user_id: z.string().nullable(),
  email: z.string().nullable(),
  organizations: z.array(z.object({ id: z.string(), name: z.string() })),
  metadata: z.record(z.string(), z.string()).default({}),
  api_key: z
    .object({
      created: z.string(),
      description: z.string(),
      id: z.string(),
      metadata: z.record(z.string(), z.string()).default({}),
      role: z.string(),
    })
    .nullable(),
});
export type Whoami = z.infer<typeof whoamiSchema>;

import { z } from "zod";
import { lenientNullableText, lenientStringRecord, lenientText, requiredId } from "./read";

const organizationSchema = z.object({ id: requiredId, name: lenientText });

/** `GET /account/api/v1/whoami`, read liberally (read.ts): an organization without an id is left out. */
export const whoamiSchema = z.object({
  user_id: lenientNullableText,
  email: lenientNullableText,
  organizations: z
    .unknown()
    .optional()
    .transform((value) =>
      (Array.isArray(value) ? value : []).flatMap((item) => {
        const org = organizationSchema.safeParse(item);
        return org.success ? [org.data] : [];
      }),
    ),
  metadata: lenientStringRecord,
  api_key: z
    .object({
      created: lenientText,
      description: lenientText,
      id: lenientText,
      metadata: lenientStringRecord,
      role: lenientText,
    })
    .nullable()
    .catch(null),
});
export type Whoami = z.infer<typeof whoamiSchema>;

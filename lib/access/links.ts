import { z } from "zod";
import { holderProblem } from "./link-rules";
import { LINK_ROLES } from "./roles";

/** The body of `POST /api/access/links`: for whom, which role, for how long (1 hour to 30 days). */
export const linkSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const problem = holderProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
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

import { z } from "zod";
import { apiKeyProblem } from "./api-key";

/** The body of `POST /api/session`: one key an admin may sign in with. */
export const signInSchema = z.strictObject({
  api_key: z
    .string()
    .trim()
    .superRefine((key, ctx) => {
      const problem = apiKeyProblem(key);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});
export type SignInInput = z.infer<typeof signInSchema>;

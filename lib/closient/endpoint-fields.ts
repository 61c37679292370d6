// zod/mini, like event-types.ts: the endpoint form brings these schemas to the browser, and
// endpoint.ts builds the API's bodies from them.
import { z } from "zod/mini";

export const URL_MAX_LENGTH = 2048;
export const DESCRIPTION_MAX_LENGTH = 255;

/** Endpoint URL: absolute https, or http where the upstream is the local sandbox. */
export function endpointUrlSchema({ allowHttp }: { allowHttp: boolean }) {
  return z.string().check(
    z.trim(),
    z.minLength(1, "Enter the URL that will receive the webhooks."),
    z.maxLength(URL_MAX_LENGTH, `A URL is at most ${URL_MAX_LENGTH} characters.`),
    z.superRefine((value, ctx) => {
      if (value === "") return; // said already: one problem, one message
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({
          code: "custom",
          message: "Enter an absolute URL, like https://example.com/webhooks.",
        });
        return;
      }
      const ok = url.protocol === "https:" || (allowHttp && url.protocol === "http:");
      if (!ok) {
        ctx.addIssue({
          code: "custom",
          message: allowHttp
            ? "The URL must start with https:// or http://."
            : "The URL must start with https://.",
        });
      } else if (url.username || url.password) {
        ctx.addIssue({ code: "custom", message: "Leave credentials out of the URL." });
      }
    }),
  );
}

export const descriptionSchema = z
  .string()
  .check(
    z.maxLength(DESCRIPTION_MAX_LENGTH, `A description is at most ${DESCRIPTION_MAX_LENGTH} characters.`),
  );

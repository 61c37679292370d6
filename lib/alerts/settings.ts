import { z } from "zod";
import { signInSchema } from "@/lib/closient/sign-in";
import type { NoticeKind } from "./notice";

/*
 * The alert settings' inputs (the routes parse them, the page's forms validate with them) and the
 * view GET /api/alerts answers. Never a key or a signing secret in a view.
 */

/** `{}` watches with the session's own key; `{"api_key": …}` with another, checked as sign-in checks it. */
export const watchingSchema = z.strictObject({
  api_key: signInSchema.shape.api_key.optional(),
  keep_key: z.literal(true).optional(),
});

export const ruleSchema = z.strictObject({
  failing_after: z.coerce
    .number({ error: "Enter a number of failures." })
    .int("Enter a whole number.")
    .min(1, "At least 1.")
    .max(20, "At most 20."),
  remind_every_hours: z.coerce
    .number()
    .int("Enter whole hours.")
    .min(1, "At least 1 hour.")
    .max(168, "At most 168 hours (a week).")
    .nullable(),
});
export type RuleInput = z.infer<typeof ruleSchema>;

/** The rule as the page's form holds it (text fields; "" is no reminder). */
export const ruleFormSchema = z
  .object({ failing_after: z.string(), remind_every_hours: z.string() })
  .transform((v): { failing_after: unknown; remind_every_hours: unknown } => ({
    failing_after: v.failing_after,
    remind_every_hours: v.remind_every_hours || null,
  }))
  .pipe(ruleSchema);

/** An address with nothing a mail header could be split on. */
const emailAddress = z
  .string()
  .trim()
  .max(254, "At most 254 characters.")
  .refine((v) => !/[\r\n,;<>"]/.test(v), "Enter one address, such as oncall@brand.example.")
  .pipe(z.email("Enter an email address, such as oncall@brand.example."));

const hookUrl = z
  .string()
  .trim()
  .max(2048, "At most 2048 characters.")
  .pipe(z.url("Enter a full URL, such as https://hooks.example.com/alerts."));

export const channelSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("email"), to: emailAddress }),
  z.strictObject({ type: z.literal("slack"), url: hookUrl }),
  z.strictObject({ type: z.literal("webhook"), url: hookUrl }),
]);
export type ChannelInput = z.infer<typeof channelSchema>;
export type ChannelType = ChannelInput["type"];

/** The add-a-channel form: one text field, checked by the rule of the type chosen. */
export const channelFormSchema = z
  .object({ type: z.enum(["email", "slack", "webhook"]), target: z.string() })
  .superRefine((v, ctx) => {
    const checked = (v.type === "email" ? emailAddress : hookUrl).safeParse(v.target);
    if (!checked.success)
      ctx.addIssue({
        code: "custom",
        path: ["target"],
        message: checked.error.issues[0]?.message ?? "Check this value.",
      });
  });
export type ChannelFormValues = z.infer<typeof channelFormSchema>;

export interface AttemptView {
  at: string;
  ok: boolean;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface NoticeDeliveryView {
  channel_id: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  next_at: string | null;
  last_error: string | null;
  sent_at: string | null;
  history: AttemptView[];
}

export interface NoticeView {
  id: string;
  kind: NoticeKind;
  at: string;
  subject: string;
  endpoint_ids: string[];
  deliveries: NoticeDeliveryView[];
}

export interface ChannelView {
  id: string;
  type: ChannelType;
  /** The address or the URL (a Slack URL is a credential: only its host and the end of its path). */
  target: string;
  created_at: string;
  created_by: string;
}

/** The organization's stored key, as the pages name it: never the key. */
export interface StoredKeyView {
  key_prefix: string;
  key_description: string | null;
  /** Who stored it, and when. */
  started_by: string;
  started_at: string;
  key_status: "accepted" | "rejected";
  key_rejected_at: string | null;
}

export interface WatchingView extends StoredKeyView {
  checked_at: string | null;
  check_error: string | null;
}

export interface AlertsView {
  /** While the organization is watched. */
  watching: WatchingView | null;
  /** The key stored for the watcher and the access links, watched or not. */
  stored_key: StoredKeyView | null;
  rule: RuleInput;
  channels: ChannelView[];
  interval_ms: number;
  /** Whether this portal can keep a key (PORTAL_ENCRYPTION_KEY is set). */
  can_watch: boolean;
  /** Whether email can go out (SMTP_URL, or the sandbox's inbox). */
  email_ready: boolean;
}

export const noticesQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** What the endpoint pages show of the watcher: each endpoint's state (absent: healthy). */
export interface AlertStates {
  keyRejected: boolean;
  endpoints: Record<string, { state: "failing" | "recovered"; since: string; notifiedAt: string }>;
}

import { z } from "zod";
import { signInSchema } from "@/lib/closient/sign-in";
import { emailProblem, hookUrlProblem, type ChannelInput, type ChannelType } from "./channel-input";
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

/** One address, with nothing a mail header could be split on (the rule: lib/alerts/channel-input.ts). */
const emailAddress = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = emailProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const hookUrl = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = hookUrlProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const channelSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("email"), to: emailAddress }),
  z.strictObject({ type: z.literal("slack"), url: hookUrl }),
  z.strictObject({ type: z.literal("webhook"), url: hookUrl }),
]);
export type { ChannelInput, ChannelType };
// The schema and the shared types say the same: a change to one that the other lacks fails to compile.
const sameInput: (v: z.infer<typeof channelSchema>) => ChannelInput = (v) => v;
void sameInput;

/** The add-a-channel form's values: one text field, checked by the rule of the type chosen. */
export interface ChannelFormValues {
  type: ChannelType;
  target: string;
}

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

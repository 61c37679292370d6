/** The channels' kinds, and what `POST /api/alerts/channels` takes (lib/alerts/settings.ts checks it). */
export type ChannelType = "email" | "slack" | "webhook";
export type ChannelInput =
  { type: "email"; to: string } | { type: "slack"; url: string } | { type: "webhook"; url: string };

/*
 * The rules of the alert settings' fields, as pure functions: the server's schemas
 * (lib/alerts/settings.ts) refine with them, and the page's forms check with them without
 * downloading a schema library. Each answers what is wrong, in words, or null.
 */

export function emailProblem(raw: string): string | null {
  const v = raw.trim();
  if (v.length > 254) return "At most 254 characters.";
  // One address, with nothing a mail header could be split on.
  if (/[\r\n,;<>"\s]/.test(v) || !/^[^@]+@[^@]+\.[^@]+$/.test(v))
    return "Enter an email address, such as oncall@brand.example.";
  return null;
}

export function hookUrlProblem(raw: string): string | null {
  const v = raw.trim();
  if (v.length > 2048) return "At most 2048 characters.";
  if (!URL.canParse(v) || !/^https?:$/.test(new URL(v).protocol))
    return "Enter a full URL, such as https://hooks.example.com/alerts.";
  return null;
}

export const channelProblem = (type: ChannelType, value: string) =>
  type === "email" ? emailProblem(value) : hookUrlProblem(value);

export function failingAfterProblem(raw: string): string | null {
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(n)) return "Enter a whole number.";
  if (n < 1) return "At least 1.";
  if (n > 20) return "At most 20.";
  return null;
}

/** The add-a-channel form's values as the route takes them. */
export const channelInputOf = ({ type, target }: { type: ChannelType; target: string }): ChannelInput =>
  type === "email" ? { type, to: target.trim() } : { type, url: target.trim() };

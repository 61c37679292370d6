import type { ChannelType } from "./settings";

/** The alert words the pages share. */
export const CHANNEL_WORDS: Record<ChannelType, string> = {
  email: "Email",
  slack: "Slack",
  webhook: "Signed webhook",
};

export const ALERT_STATE_WORDS: Record<string, string> = {
  failing: "Alerting: failing",
  recovered: "Recovered",
};

/** "every 60 s", "every 5 min": how often the watcher reads. */
export function intervalWords(ms: number): string {
  return ms % 60_000 === 0 ? `every ${ms / 60_000} min` : `every ${Math.round(ms / 100) / 10} s`;
}

import { formatExact, formatRelative } from "@/lib/format-time";

/**
 * "3 minutes ago" as of the server's render, with the exact time on hover and for assistive
 * technology. A server component: rows rendered on the server need no script for their times.
 */
export function TimeAgo({ iso, now }: { iso: string; now: number }) {
  return (
    <time dateTime={iso} title={formatExact(iso)}>
      {formatRelative(iso, Math.max(now, Date.parse(iso)))}
    </time>
  );
}

import type { ChannelView, NoticeDeliveryView, NoticeView } from "@/lib/alerts/settings";
import { CHANNEL_WORDS } from "@/lib/alerts/words";
import { TimeAgo } from "@/components/ui/time-ago";
import { cn } from "@/lib/utils";

const KIND_WORDS: Record<string, string> = {
  "endpoint.failing": "Failing",
  "endpoint.recovered": "Recovered",
  "watch.key_rejected": "Key refused",
  test: "Test",
};

function deliveryWords(d: NoticeDeliveryView, now: number) {
  if (d.status === "sent")
    return { tone: "text-emerald-800", text: `Sent${d.attempts > 1 ? ` on attempt ${d.attempts}` : ""}` };
  if (d.status === "failed")
    return { tone: "text-red-800", text: `Not delivered: ${d.last_error ?? "gave up"}` };
  if (d.attempts === 0) return { tone: "text-slate-700", text: "Sending…" };
  const wait = d.next_at ? Math.max(0, Math.round((Date.parse(d.next_at) - now) / 1000)) : 0;
  return {
    tone: "text-amber-800",
    text: `Attempt ${d.attempts} failed (${d.last_error ?? "error"}); retrying in ${wait} s`,
  };
}

/** The organization's notices, newest first, each with every channel's delivery and attempts. */
export function NoticeHistory({
  notices,
  channels,
  now,
}: {
  notices: NoticeView[];
  channels: ChannelView[];
  now: number;
}) {
  if (!notices.length)
    return (
      <p className="text-sm text-slate-600">
        No notice yet. One goes out when an endpoint starts failing, and one when it recovers.
      </p>
    );
  const channelName = (id: string) => {
    const c = channels.find((channel) => channel.id === id);
    return c ? `${CHANNEL_WORDS[c.type]}: ${c.target}` : "A removed channel";
  };
  return (
    <ol className="divide-y divide-slate-200" aria-label="Notices">
      {notices.map((notice) => (
        <li key={notice.id} className="py-3">
          <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
            <span
              className={cn(
                "rounded px-1.5 py-0.5 text-xs font-medium",
                notice.kind === "endpoint.failing" || notice.kind === "watch.key_rejected"
                  ? "bg-red-100 text-red-800"
                  : notice.kind === "endpoint.recovered"
                    ? "bg-emerald-100 text-emerald-800"
                    : "bg-slate-100 text-slate-700",
              )}
            >
              {KIND_WORDS[notice.kind] ?? notice.kind}
            </span>
            <span className="min-w-0 font-medium break-words text-slate-900">{notice.subject}</span>
            <span className="text-xs text-slate-500">
              <TimeAgo iso={notice.at} now={now} />
            </span>
          </p>
          {notice.deliveries.length ? (
            <ul className="mt-2 space-y-1 text-sm">
              {notice.deliveries.map((d) => {
                const words = deliveryWords(d, now);
                return (
                  <li key={d.channel_id}>
                    <details>
                      <summary className="cursor-pointer py-1.5">
                        <span className="break-all">{channelName(d.channel_id)}</span>:{" "}
                        <span className={words.tone}>{words.text}</span>
                      </summary>
                      <ol className="mt-1 ml-5 list-disc text-xs text-slate-600">
                        {d.history.map((a) => (
                          <li key={a.at}>
                            <TimeAgo iso={a.at} now={now} />: {a.ok ? "delivered" : (a.error ?? "failed")}
                            {a.status_code ? ` (HTTP ${a.status_code})` : ""}, {a.duration_ms} ms
                          </li>
                        ))}
                        {d.history.length === 0 ? <li>No attempt yet.</li> : null}
                      </ol>
                    </details>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="mt-1 text-xs text-slate-500">No channel was set up when it was written.</p>
          )}
          <p className="mt-1 text-xs break-all text-slate-500">Notice id {notice.id}</p>
        </li>
      ))}
    </ol>
  );
}

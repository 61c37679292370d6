import Link from "next/link";
import type { AlertsView, NoticeView } from "@/lib/alerts/settings";
import { intervalWords } from "@/lib/alerts/words";
import { Section } from "@/components/ui/section";
import { TimeAgo } from "@/components/ui/time-ago";
import { ChannelsPanel } from "./channels-panel";
import { NoticeHistory } from "./notice-history";
import { RuleForm } from "./rule-form";
import { WatchingControls } from "./watching-panel";

/** The alerts page: watching on or off, the rule, the channels, and the notices with their attempts. */
export function AlertsOverview({
  view,
  notices,
  nextCursor,
  now,
}: {
  view: AlertsView;
  notices: NoticeView[];
  nextCursor: string | null;
  now: number;
}) {
  const { watching } = view;
  const every = intervalWords(view.interval_ms);
  return (
    <div className="space-y-6">
      <Section id="watching" title="Watching">
        {!view.can_watch ? (
          <p className="mt-2 text-sm text-amber-900">
            This portal was started without <code>PORTAL_ENCRYPTION_KEY</code>, so it cannot keep a key for
            watching. Ask whoever runs it to set one.
          </p>
        ) : watching ? (
          <div className="mt-2 space-y-3 text-sm text-slate-700">
            {watching.key_status === "rejected" ? (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">
                Closient refused the key that watches
                {watching.key_rejected_at ? (
                  <>
                    {" "}
                    (<TimeAgo iso={watching.key_rejected_at} now={now} />)
                  </>
                ) : null}
                : it was revoked or has expired. Nothing is watched until you stop watching and turn it on
                again with a valid key. The channels were told once.
              </p>
            ) : (
              <p>
                <strong className="text-emerald-800">On.</strong> The portal reads this organization&apos;s
                endpoints {every} and notifies the channels below when one starts failing and when it
                recovers. Paused endpoints are not alerted.
              </p>
            )}
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="text-slate-500">Key</dt>
              <dd className="font-mono break-all">
                {watching.key_prefix}
                {watching.key_description ? (
                  <span className="font-sans"> ({watching.key_description})</span>
                ) : null}
              </dd>
              <dt className="text-slate-500">Turned on by</dt>
              <dd className="break-all">
                {watching.started_by}, <TimeAgo iso={watching.started_at} now={now} />
              </dd>
              <dt className="text-slate-500">Last read</dt>
              <dd>
                {watching.checked_at ? <TimeAgo iso={watching.checked_at} now={now} /> : "not yet"}
                {watching.check_error ? (
                  <span className="block text-red-700">{watching.check_error}</span>
                ) : null}
              </dd>
            </dl>
            <WatchingControls watching={watching} storedKey={view.stored_key} intervalWords={every} />
          </div>
        ) : (
          <div className="mt-2 space-y-4 text-sm text-slate-700">
            <p>
              <strong>Off.</strong> Turn it on and the portal reads this organization&apos;s endpoints {every}
              , with an API key it keeps encrypted, and tells your team by email, Slack or a signed webhook
              when an endpoint starts failing and when it recovers. Closient sends no such alerts itself.
            </p>
            <WatchingControls watching={null} storedKey={view.stored_key} intervalWords={every} />
          </div>
        )}
      </Section>

      <Section id="rule" title="Rule">
        <p className="mt-1 mb-4 text-sm text-slate-600">
          An endpoint is failing when it has a dead letter, or when its newest deliveries failed this many
          times in a row. It has recovered when a delivery gets through again.
        </p>
        <RuleForm rule={view.rule} disabled={!watching} />
        {!watching ? (
          <p className="mt-2 text-xs text-slate-500">Turn watching on to change the rule.</p>
        ) : null}
      </Section>

      <Section id="channels" title="Channels">
        <p className="mt-1 mb-4 text-sm text-slate-600">
          Each channel gets each notice on its own, with retries: one that fails never delays the others.
          {!view.email_ready ? " Email cannot be sent: this portal has no SMTP_URL." : null}
        </p>
        <ChannelsPanel channels={view.channels} disabled={!view.can_watch} />
      </Section>

      <Section id="notices" title="Notices">
        <div className="mt-2">
          <NoticeHistory notices={notices} channels={view.channels} now={now} />
        </div>
        {nextCursor ? (
          <Link
            href={`/alerts?cursor=${nextCursor}`}
            className="mt-3 inline-block text-sm text-indigo-700 underline"
          >
            Older notices
          </Link>
        ) : null}
      </Section>
    </div>
  );
}

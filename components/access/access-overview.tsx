import type { AccessView } from "@/lib/access/grants";
import { Section } from "@/components/ui/section";
import { TimeAgo } from "@/components/ui/time-ago";
import { GrantList } from "./grant-list";
import { KeyControls } from "./key-panel";
import { LinkForm } from "./link-form";

/** The access page: the key links act through, a new link, and every grant. */
export function AccessOverview({ view, now }: { view: AccessView; now: number }) {
  const key = view.stored_key;
  return (
    <div className="space-y-6">
      <Section id="key" title="The organization's key">
        <p className="mt-1 mb-4 text-sm text-slate-600">
          Links act through one key the portal keeps for the organization, encrypted; the watcher on the
          Alerts page uses the same one. It is never shown again or sent to a browser.
        </p>
        {key ? (
          <dl className="mb-4 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-500">Key</dt>
            <dd className="font-mono break-all">
              {key.key_prefix}
              {key.key_description ? <span className="font-sans"> ({key.key_description})</span> : null}
            </dd>
            <dt className="text-slate-500">Stored by</dt>
            <dd className="break-all">
              {key.started_by}, <TimeAgo iso={key.started_at} now={now} />
            </dd>
            {key.key_status === "rejected" ? (
              <>
                <dt className="text-slate-500">Status</dt>
                <dd className="text-red-700">Closient refused it: store a valid key.</dd>
              </>
            ) : null}
          </dl>
        ) : null}
        <KeyControls storedKey={key} canStore={view.can_store} />
      </Section>
      <Section id="new-link" title="Make a link">
        <p className="mt-1 mb-4 text-sm text-slate-600">
          For someone who should see the webhooks, or keep them running tonight, without the
          organization&apos;s key.
        </p>
        <LinkForm disabled={!key || key.key_status !== "accepted"} emailReady={view.email_ready} />
        {!key ? (
          <p className="mt-2 text-xs text-slate-500">Store the organization&apos;s key first.</p>
        ) : null}
      </Section>
      <Section id="grants" title="Grants">
        <div className="mt-2">
          <GrantList grants={view.grants} />
        </div>
      </Section>
    </div>
  );
}

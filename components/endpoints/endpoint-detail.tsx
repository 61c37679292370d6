import Link from "next/link";
import type { ReactNode } from "react";
import type { Endpoint } from "@/lib/closient";
import type { EndpointHealth } from "@/lib/deliveries/health";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { RecentChanges } from "@/components/activity/activity-log";
import type { ActivityEntry } from "@/lib/activity/entry";
import { TimeAgo } from "@/components/ui/time-ago";
import { EndpointHealthPanel } from "./endpoint-health";
import { AlertStateLine } from "@/components/alerts/alert-state";
import type { AlertStates } from "@/lib/alerts/settings";
import { EndpointSettings } from "./endpoint-settings";
import { toggleFields } from "./endpoint-status";
import { PauseToggle } from "./pause-toggle";
import { SigningSecretSection } from "./signing-secret-section";
import { TestPing } from "./test-ping";
import { VerificationRecipes } from "./verification-recipes";

/**
 * One endpoint's page, rendered on the server, in the order of a night on call: its status and
 * pause, its health and latest failures with Replay, then settings, the secret, the test and the
 * recipes. The pause switch, Replay, "Edit settings" (its form downloaded when asked for),
 * rotation and the test ping are the interactive parts. Nothing here suspends: the server sends
 * the page whole, so a phone lays it out once.
 */
export function EndpointDetail({
  endpoint,
  allowHttp,
  now,
  health,
  changes,
  alerts,
  summary,
}: {
  endpoint: Endpoint;
  /** Why it fails, above its health, when that is known. */
  summary?: ReactNode;
  allowHttp: boolean;
  /** The last 24 hours, or null when Closient could not say. */
  health: EndpointHealth | null;
  /** Its last few entries on the activity log; null when the log cannot be read. */
  changes: ActivityEntry[] | null;
  /** What the portal's watcher knows of it (null: the organization is not watched). */
  alerts: AlertStates | null;
  /** The request's time, for "3 minutes ago". */
  now: number;
}) {
  return (
    <div className="space-y-6">
      <BackLink href="/webhooks">Endpoints</BackLink>
      {/* The outage first: status and pause, then why it fails, health and failures; settings after. */}
      <PageHeader
        title={<span className="line-clamp-3 font-mono text-xl break-all">{endpoint.url}</span>}
        description={
          <>
            <span className="line-clamp-3 break-words">{endpoint.description || "No description"}</span>
            <span className="block text-xs text-slate-500">
              Created <TimeAgo iso={endpoint.created_at} now={now} /> · updated{" "}
              <TimeAgo iso={endpoint.updated_at} now={now} />
            </span>
          </>
        }
        actions={<PauseToggle endpoint={toggleFields(endpoint)} />}
      />
      <AlertStateLine alerts={alerts} endpointId={endpoint.id} active={endpoint.is_active} now={now} />
      {summary}
      {health ? <EndpointHealthPanel endpointId={endpoint.id} health={health} now={now} /> : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Section id="settings" title="Settings" className="space-y-4">
          <EndpointSettings endpoint={endpoint} allowHttp={allowHttp} />
        </Section>
        <div className="space-y-6">
          <SigningSecretSection endpointId={endpoint.id} maskedSecret={endpoint.signing_secret} />
          <TestPing endpointId={endpoint.id} active={endpoint.is_active} />
        </div>
      </div>
      <Section id="changes" title="Recent changes" className="space-y-2">
        <RecentChanges endpointId={endpoint.id} entries={changes} now={now} />
      </Section>
      <Section id="verify" title="Verifying signatures" className="space-y-3">
        <p className="text-sm text-slate-600">
          A receiver that refuses good webhooks?{" "}
          <Link
            href={`/verify?endpoint=${endpoint.id}`}
            prefetch={false}
            className="font-medium text-indigo-700 underline"
          >
            Verify a signature
          </Link>{" "}
          it received, in your browser, and see why it fails.
        </p>
        <VerificationRecipes />
      </Section>
    </div>
  );
}

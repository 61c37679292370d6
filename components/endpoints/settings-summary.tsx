import type { Endpoint } from "@/lib/closient";
import { CopyButton } from "@/components/ui/copy-button";
import { EventTypeChips } from "./event-type-chips";

const term = "text-xs font-medium tracking-wide text-slate-500 uppercase max-sm:not-first:mt-2";

/** What the endpoint is set to: its URL (with Copy), description, event types and metadata. */
export function SettingsSummary({ endpoint }: { endpoint: Endpoint }) {
  const metadata = Object.entries(endpoint.metadata);
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[9rem_1fr] sm:gap-y-3">
      <dt className={term}>URL</dt>
      <dd className="space-y-1">
        {/* Four lines of a 2,048-character URL on a phone; the whole of it through Copy and the form. */}
        <span className="line-clamp-4 font-mono break-all text-slate-900">{endpoint.url}</span>
        <CopyButton value={endpoint.url} label="the URL" />
      </dd>
      <dt className={term}>Description</dt>
      <dd className="break-words text-slate-900">
        {endpoint.description || <span className="text-slate-500">None</span>}
      </dd>
      <dt className={term}>Event types</dt>
      <dd>
        <EventTypeChips types={endpoint.event_types} max={Infinity} />
      </dd>
      <dt className={term}>Metadata</dt>
      <dd>
        {metadata.length === 0 ? (
          <span className="text-slate-500">None</span>
        ) : (
          <ul aria-label="Metadata" className="flex flex-wrap gap-1">
            {metadata.map(([key, value]) => (
              <li key={key} className="chip break-all">
                {key}={value}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

"use client";

import { useState } from "react";
import type { StoredKeyView, WatchingView } from "@/lib/alerts/settings";
import { useStartWatching, useStopWatching } from "@/lib/client/alert-mutations";
import { notify } from "@/lib/client/notify";
import { Refused, useCan } from "@/components/access/access-context";
import { Button } from "@/components/ui/button";
import { ConfirmAndRun } from "@/components/ui/lazy";
import { OtherKeyForm } from "@/components/access/key-form";

/**
 * Turns watching on (with the key stored already, the admin's own, or one pasted for the purpose)
 * or off (the stored key is erased, unless access links still act through it). The key itself
 * never comes back to the browser: the panel names it by prefix.
 */
export function WatchingControls({
  watching,
  storedKey,
  intervalWords,
}: {
  watching: WatchingView | null;
  storedKey: StoredKeyView | null;
  intervalWords: string;
}) {
  const start = useStartWatching();
  const stop = useStopWatching();
  const [confirming, setConfirming] = useState(false);
  const { allowed, why } = useCan("alerts.manage");
  const started = () => notify.success(`Watching: the portal reads your endpoints ${intervalWords}.`);

  if (watching) {
    return (
      <>
        <Button variant="secondary" primary onClick={() => setConfirming(true)} disabled={!allowed}>
          Stop watching
        </Button>
        <Refused why={why} />
        <ConfirmAndRun
          open={confirming}
          onOpenChange={setConfirming}
          title="Stop watching this organization?"
          confirmLabel="Stop watching and erase the key"
          pending={stop.isPending}
          run={() => stop.mutateAsync(undefined)}
          done={(result) =>
            result.key_erased
              ? "Watching stopped; the stored key is erased."
              : `Watching stopped. The key stays stored for ${result.key_kept_for_links} access link(s) until they are revoked.`
          }
          failed={(message) => `Watching is still on: ${message}`}
        >
          <p>
            The portal stops reading your endpoints and erases the key it keeps for watching (unless access
            links still act through it). No notice goes out while watching is off, even if an endpoint starts
            failing. The channels and past notices stay.
          </p>
        </ConfirmAndRun>
      </>
    );
  }

  const startWith = (how: { apiKey?: string; keepKey?: boolean }) =>
    start.mutateAsync(how).then(started, (error: unknown) => {
      if (!how.apiKey) notify.error(`Watching could not be turned on: ${(error as Error).message}`);
      throw error;
    });
  return (
    <div className="space-y-4">
      {storedKey ? (
        <Button
          primary
          onClick={() => void startWith({ keepKey: true }).catch(() => undefined)}
          disabled={start.isPending || !allowed}
        >
          {start.isPending ? "Turning on…" : `Watch with the stored key (${storedKey.key_prefix})`}
        </Button>
      ) : (
        <Button
          primary
          onClick={() => void startWith({}).catch(() => undefined)}
          disabled={start.isPending || !allowed}
        >
          {start.isPending ? "Turning on…" : "Watch with my key"}
        </Button>
      )}
      <Refused why={why} />
      {allowed ? (
        <OtherKeyForm
          label="Watch with this key"
          pendingLabel="Checking the key…"
          pending={start.isPending}
          onKey={(apiKey) => startWith({ apiKey })}
        />
      ) : null}
    </div>
  );
}

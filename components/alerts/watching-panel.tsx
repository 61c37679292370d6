"use client";

import { useState } from "react";
import { ClosientError } from "@/lib/closient/closient-error";
import { apiKeyProblem } from "@/lib/closient/api-key";
import type { WatchingView } from "@/lib/alerts/settings";
import { useStartWatching, useStopWatching } from "@/lib/client/alert-mutations";
import { notify } from "@/lib/client/notify";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { LazyConfirmDialog, useOpenedOnce } from "@/components/ui/lazy";

/**
 * Turns watching on (with the admin's own key, or one pasted for the purpose) or off (the stored
 * key is erased). The key itself never comes back to the browser: the panel names it by prefix.
 */
export function WatchingControls({
  watching,
  intervalWords,
}: {
  watching: WatchingView | null;
  intervalWords: string;
}) {
  const start = useStartWatching();
  const stop = useStopWatching();
  const [confirming, setConfirming] = useState(false);
  const mounted = useOpenedOnce(confirming);
  const [otherKey, setOtherKey] = useState("");
  const [keyError, setKeyError] = useState<string | undefined>();

  const startWith = (apiKey?: string) => {
    if (apiKey !== undefined) {
      const problem = apiKeyProblem(apiKey);
      setKeyError(problem ?? undefined);
      if (problem) return;
    }
    start.mutate(apiKey, {
      onSuccess: () => {
        setOtherKey("");
        notify.success(`Watching: the portal reads your endpoints ${intervalWords}.`);
      },
      onError: (error) => {
        const detail =
          error instanceof ClosientError ? error.details?.find((d) => d.field === "api_key") : undefined;
        if (detail) setKeyError(detail.message);
        else notify.error(`Watching could not be turned on: ${error.message}`);
      },
    });
  };

  if (watching) {
    return (
      <>
        <Button variant="secondary" primary onClick={() => setConfirming(true)}>
          Stop watching
        </Button>
        {mounted ? (
          <LazyConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title="Stop watching this organization?"
            confirmLabel="Stop watching and erase the key"
            tone="danger"
            pending={stop.isPending}
            onConfirm={() =>
              stop.mutate(undefined, {
                onSuccess: () => {
                  setConfirming(false);
                  notify.success("Watching stopped; the stored key is erased.");
                },
                onError: (error) => notify.error(`Watching is still on: ${error.message}`),
              })
            }
          >
            <p>
              The portal erases the key it keeps for watching and stops reading your endpoints. No notice goes
              out while watching is off, even if an endpoint starts failing. The channels and past notices
              stay.
            </p>
          </LazyConfirmDialog>
        ) : null}
      </>
    );
  }

  return (
    <div className="space-y-4">
      <Button primary onClick={() => startWith()} disabled={start.isPending}>
        {start.isPending && !otherKey ? "Turning on…" : "Watch with my key"}
      </Button>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-slate-800">Or watch with another key</summary>
        <form
          noValidate
          className="mt-3 space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            startWith(otherKey.trim());
          }}
        >
          <Field
            id="watch-key"
            label="API key for watching"
            hint="A business or user key of this organization, made for the purpose (e.g. “Portal watcher”). It is kept encrypted and never shown again."
            error={keyError}
          >
            <Input
              {...describedBy("watch-key", { hint: true, error: keyError })}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={otherKey}
              onChange={(event) => setOtherKey(event.target.value)}
              className="font-mono"
            />
          </Field>
          <Button type="submit" variant="secondary" disabled={start.isPending}>
            {start.isPending && otherKey ? "Checking the key…" : "Watch with this key"}
          </Button>
        </form>
      </details>
    </div>
  );
}

"use client";

import { useState } from "react";
import { notify } from "@/lib/client/notify";
import { useSetActive } from "@/lib/client/endpoint-mutations";
import { endpointName } from "@/lib/endpoints/names";
import { LazyConfirmDialog, useOpenedOnce } from "@/components/ui/lazy";
import { Switch } from "@/components/ui/switch";
import { useCan } from "@/components/access/access-context";
import { EndpointStatus, type ToggleFields } from "./endpoint-status";

/**
 * One switch to pause or resume. Pausing asks first and says what happens to events; the change
 * shows at once and rolls back, with a message, if Closient refuses it.
 */
export function PauseToggle({ endpoint }: { endpoint: ToggleFields }) {
  const [confirming, setConfirming] = useState(false);
  const mounted = useOpenedOnce(confirming);
  const setActive = useSetActive(endpoint.id);
  const { allowed, why } = useCan("endpoints.pause");
  const name = endpointName(endpoint);
  // The switch shows a change at once, until the server's view (refreshed after the change)
  // arrives with it; a refused change goes back to what the server says.
  const [shown, setShown] = useState<boolean | null>(null);
  const [serverState, setServerState] = useState(endpoint.is_active);
  if (serverState !== endpoint.is_active) {
    setServerState(endpoint.is_active);
    setShown(null);
  }
  const active = shown ?? endpoint.is_active;

  const apply = (next: boolean) => {
    setConfirming(false);
    setShown(next);
    setActive.mutate(next, {
      onSuccess: () => notify.success(next ? `Resumed ${name}` : `Paused ${name}`),
      onError: (error) => {
        setShown(null);
        notify.error(
          `Could not ${next ? "resume" : "pause"} the endpoint: ${error.message} It is still ${next ? "paused" : "active"}.`,
        );
      },
    });
  };

  return (
    <div className="flex items-center gap-3">
      <Switch
        checked={active}
        label={`${active ? "Pause" : "Resume"} ${name}`}
        disabled={!allowed}
        why={why}
        onCheckedChange={(next) => (next ? apply(true) : setConfirming(true))}
      />
      <EndpointStatus active={active} />
      {mounted ? (
        <LazyConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title="Pause this endpoint?"
          confirmLabel="Pause endpoint"
          onConfirm={() => apply(false)}
        >
          <p className="font-mono text-xs break-all text-slate-800">{endpoint.url}</p>
          <p>
            While it is paused,{" "}
            <strong>new events are not queued for it and will not be delivered later</strong>, not even after
            you resume.
          </p>
          <p>
            Deliveries already queued (including retries) wait, and continue when you resume. Test pings are
            still sent.
          </p>
        </LazyConfirmDialog>
      ) : null}
    </div>
  );
}

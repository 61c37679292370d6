"use client";

import { useState } from "react";
import { toast } from "sonner";
import type { Endpoint } from "@/lib/closient";
import { useSetActive } from "@/lib/queries/endpoints";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Switch } from "@/components/ui/switch";

export function EndpointStatus({ active }: { active: boolean }) {
  return active ? (
    <span className="inline-flex items-center gap-1.5 text-sm font-medium text-emerald-800">
      <span aria-hidden>●</span> Active
    </span>
  ) : (
    <span className="inline-flex items-center gap-1.5 text-sm font-medium text-amber-800">
      <span aria-hidden>❚❚</span> Paused
    </span>
  );
}

/**
 * One switch to pause or resume. Pausing asks first and says what happens to events; the change
 * shows at once and rolls back, with a message, if Closient refuses it.
 */
export function PauseToggle({ endpoint }: { endpoint: Endpoint }) {
  const [confirming, setConfirming] = useState(false);
  const setActive = useSetActive(endpoint.id);
  const name = endpoint.description || endpoint.url;

  const apply = (active: boolean) => {
    setConfirming(false);
    setActive.mutate(active, {
      onSuccess: () => toast.success(active ? `Resumed ${name}` : `Paused ${name}`),
      onError: (error) =>
        toast.error(
          `Could not ${active ? "resume" : "pause"} the endpoint: ${error.message} It is still ${active ? "paused" : "active"}.`,
        ),
    });
  };

  return (
    <div className="flex items-center gap-3">
      <Switch
        checked={endpoint.is_active}
        label={`${endpoint.is_active ? "Pause" : "Resume"} ${name}`}
        onCheckedChange={(next) => (next ? apply(true) : setConfirming(true))}
      />
      <EndpointStatus active={endpoint.is_active} />
      <ConfirmDialog
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
      </ConfirmDialog>
    </div>
  );
}

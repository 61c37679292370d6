"use client";

import { useState } from "react";
import type { StoredKeyView } from "@/lib/alerts/settings";
import { useEraseKey, useStoreKey } from "@/lib/client/access-mutations";
import { notify } from "@/lib/client/notify";
import { Button } from "@/components/ui/button";
import { ConfirmAndRun } from "@/components/ui/lazy";
import { OtherKeyForm } from "./key-form";

/** Stores the organization's key for the links (the admin's own, or another), or erases it. */
export function KeyControls({ storedKey, canStore }: { storedKey: StoredKeyView | null; canStore: boolean }) {
  const store = useStoreKey();
  const erase = useEraseKey();
  const [confirming, setConfirming] = useState(false);
  if (!canStore)
    return (
      <p className="text-sm text-amber-900">
        This portal was started without <code>PORTAL_ENCRYPTION_KEY</code>, so it cannot keep a key. Ask
        whoever runs it to set one.
      </p>
    );
  if (storedKey)
    return (
      <>
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Erase the key
        </Button>
        <ConfirmAndRun
          open={confirming}
          onOpenChange={setConfirming}
          title="Erase the organization's stored key?"
          confirmLabel="Erase the key and revoke every link"
          pending={erase.isPending}
          run={() => erase.mutateAsync(undefined)}
          done={(result) => `The key is erased; ${result.revoked} link(s) revoked; watching stopped.`}
          failed={(message) => `The key is still stored: ${message}`}
        >
          <p>
            Every access link stops working at its holder&apos;s next click, and the portal stops watching
            this organization for failing endpoints.
          </p>
        </ConfirmAndRun>
      </>
    );
  return (
    <div className="space-y-4">
      <Button
        primary
        disabled={store.isPending}
        onClick={() =>
          store.mutate(undefined, {
            onSuccess: () => notify.success("The key is stored: links can act through it."),
            onError: (error) => notify.error(`The key could not be stored: ${error.message}`),
          })
        }
      >
        {store.isPending ? "Storing…" : "Store my key"}
      </Button>
      <OtherKeyForm
        label="Store this key"
        pendingLabel="Checking the key…"
        pending={store.isPending}
        onKey={(apiKey) => store.mutateAsync(apiKey)}
      />
    </div>
  );
}

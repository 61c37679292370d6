"use client";

import { useState } from "react";
import { ROTATION_GRACE_MS } from "@/lib/closient/secret";
import { formatExact } from "@/lib/format-time";
import { notify } from "@/lib/client/notify";
import { useRotateSecret } from "@/lib/client/endpoint-mutations";
import { Refused, useCan } from "@/components/access/access-context";
import { Button } from "@/components/ui/button";
import { LazyConfirmDialog, useOpenedOnce } from "@/components/ui/lazy";
import { Section } from "@/components/ui/section";
import { LazySecretRevealDialog, preloadSecretRevealDialog } from "./lazy-secret-reveal-dialog";

function graceEnd(now: number) {
  const end = new Date(now + ROTATION_GRACE_MS);
  const time = end.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  return { time, exact: formatExact(end.toISOString()) };
}

/** When the old secret stops working, for a rotation confirmed now. */
function GraceEnd({ openedAt }: { openedAt: number }) {
  const until = graceEnd(openedAt);
  return (
    <p>
      The current secret keeps working until <strong>{until.time} tomorrow</strong> ({until.exact}), then only
      the new one does. Until then every delivery is signed with both.
    </p>
  );
}

/** The masked secret and "Rotate": a confirmation with real times, then the one-time reveal. */
export function SigningSecretSection({
  endpointId,
  maskedSecret,
}: {
  endpointId: string;
  maskedSecret: string;
}) {
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [openedAt, setOpenedAt] = useState(() => Date.now());
  const rotate = useRotateSecret(endpointId, setSecret);
  const { allowed, why } = useCan("secrets.rotate");
  const confirmMounted = useOpenedOnce(confirming);
  const revealMounted = useOpenedOnce(secret !== null);

  return (
    <Section id="secret" title="Signing secret">
      <p className="mt-1 text-sm text-slate-600">
        Your receiver uses it to check that a webhook came from Closient. Only its first characters are kept
        on screen.
      </p>
      <p className="mt-3 font-mono text-sm" aria-label="Masked signing secret">
        {maskedSecret}
      </p>
      <Button
        className="mt-4"
        variant="secondary"
        disabled={!allowed}
        onClick={() => {
          setOpenedAt(Date.now());
          setConfirming(true);
        }}
      >
        Rotate secret
      </Button>
      <Refused why={why} />
      {/* Its times are worked out when it first opens: a first time format costs a slow phone dearly. */}
      {confirmMounted ? (
        <LazyConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title="Rotate the signing secret?"
          confirmLabel="Rotate secret"
          pending={rotate.isPending}
          onConfirm={() => {
            preloadSecretRevealDialog();
            rotate.mutate(undefined, {
              onSuccess: () => setConfirming(false),
              onError: (error) => notify.error(`The secret was not rotated: ${error.message}`),
            });
          }}
        >
          <p>A new secret is made and shown to you once.</p>
          <GraceEnd openedAt={openedAt} />
        </LazyConfirmDialog>
      ) : null}
      {revealMounted ? (
        <LazySecretRevealDialog
          secret={secret}
          reason="rotated"
          onDone={() => {
            setSecret(null);
            rotate.reset();
          }}
        />
      ) : null}
    </Section>
  );
}

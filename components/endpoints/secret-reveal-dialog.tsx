"use client";

import { useRef, useState } from "react";
import { SIGNATURE_HEADER } from "@/lib/closient/signature";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { VerificationRecipes } from "./verification-recipes";

type CopyState = "idle" | "copied" | "failed";

/**
 * Shows a full signing secret the one time it exists in the browser. It cannot be dismissed by
 * Escape or a click outside until the admin confirms they stored it; on close the parent drops
 * the secret, and nothing else ever held it.
 */
export function SecretRevealDialog({
  secret,
  reason,
  onDone,
}: {
  secret: string | null;
  /** An endpoint's secret (created, rotated), or an alert webhook channel's (channel). */
  reason: "created" | "rotated" | "channel";
  onDone: () => void;
}) {
  const [copy, setCopy] = useState<CopyState>("idle");
  const [stored, setStored] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  const copySecret = async () => {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      field.current?.select();
      setCopy("failed");
    }
  };

  const done = () => {
    setCopy("idle");
    setStored(false);
    onDone();
  };

  return (
    <Dialog
      open={secret !== null}
      onOpenChange={() => undefined}
      locked
      title={
        reason === "created"
          ? "Your endpoint's signing secret"
          : reason === "channel"
            ? "Your alert channel's signing secret"
            : "Your new signing secret"
      }
      description={
        reason === "channel"
          ? "The portal signs every notice to this webhook with this secret, exactly as Closient signs its deliveries. This is the only time it is shown: store it in your receiver now. If you lose it, remove the channel and add it again."
          : "This is the only time the secret is shown. Store it now in your receiver's secret store. If you lose it, rotate the secret to get a new one."
      }
    >
      <div className="space-y-4">
        <div>
          <label htmlFor="signing-secret" className="text-sm font-medium text-slate-800">
            Signing secret
          </label>
          <div className="mt-1 flex gap-2">
            <input
              ref={field}
              id="signing-secret"
              readOnly
              value={secret ?? ""}
              onFocus={(event) => event.target.select()}
              spellCheck={false}
              autoComplete="off"
              className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
            />
            <Button variant="secondary" onClick={() => void copySecret()}>
              {copy === "copied" ? "Copied" : "Copy"}
            </Button>
          </div>
          <p role="status" className="mt-1 min-h-5 text-xs">
            {copy === "copied" ? <span className="text-emerald-700">Copied to the clipboard.</span> : null}
            {copy === "failed" ? (
              <span className="text-red-700">
                The browser did not allow copying. The secret is selected: copy it by hand (Ctrl+C or ⌘C).
              </span>
            ) : null}
          </p>
        </div>

        {reason === "rotated" ? (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            The previous secret keeps working for 24 hours: deliveries carry a <code>v1old</code> signature
            made with it. Switch your receiver to this one before then.
          </p>
        ) : null}

        <details className="text-sm text-slate-700">
          <summary className="cursor-pointer font-medium">How your receiver verifies a webhook</summary>
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-xs">
            <li>
              Read the <code>{SIGNATURE_HEADER}</code> header:{" "}
              <code>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>.
            </li>
            <li>
              Reject the request if <code>t</code> is more than 5 minutes from now.
            </li>
            <li>
              Compute HMAC-SHA256 with this secret (as UTF-8) over <code>t</code>, a dot, and the raw body
              exactly as received.
            </li>
            <li>
              Compare it in constant time with <code>v1</code> (and <code>v1old</code> during a rotation);
              accept if one matches. Deduplicate on the event&apos;s <code>id</code>.
            </li>
          </ol>
          <div className="mt-3">
            <VerificationRecipes />
          </div>
        </details>

        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            className="mt-1"
            checked={stored}
            onChange={(event) => setStored(event.target.checked)}
          />
          I have stored this secret somewhere safe.
        </label>
        <div className="flex justify-end">
          <Button onClick={done} disabled={!stored}>
            Done
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

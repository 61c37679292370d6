"use client";

import { useState } from "react";
import { GRANT_STATUS_WORDS, type GrantView } from "@/lib/access/grants";
import { ROLE_WORDS } from "@/lib/access/roles";
import { useRevokeGrant } from "@/lib/client/access-mutations";
import { Button } from "@/components/ui/button";
import { ConfirmAndRun } from "@/components/ui/lazy";

const when = (iso: string | null) => (iso ? `${iso.replace("T", " ").slice(0, 16)} UTC` : "never");

/** Every grant: who, role, made by, last used, expires; Revoke for those still live. */
export function GrantList({ grants }: { grants: GrantView[] }) {
  if (!grants.length) return <p className="text-sm text-slate-600">No link yet.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-label="Grants">
      {grants.map((grant) => (
        <GrantRow key={grant.id} grant={grant} />
      ))}
    </ul>
  );
}

function GrantRow({ grant }: { grant: GrantView }) {
  const revoke = useRevokeGrant();
  const [confirming, setConfirming] = useState(false);
  const live = grant.status === "active" || grant.status === "waiting";
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 p-3 text-sm">
      <div className="min-w-0 space-y-0.5">
        <p className="font-medium break-all text-slate-900">
          {grant.holder} <span className="font-normal text-slate-600">· {ROLE_WORDS[grant.role]}</span>
        </p>
        <p className="text-xs text-slate-600">
          <span className={live ? "text-emerald-800" : "text-slate-700"}>
            {GRANT_STATUS_WORDS[grant.status]}
          </span>{" "}
          · made by {grant.created_by} · last used {when(grant.last_used_at)} ·{" "}
          {grant.status === "revoked"
            ? `revoked by ${grant.revoked_by ?? "an admin"}`
            : `ends ${when(grant.expires_at)}`}
        </p>
      </div>
      {live ? (
        <Button
          size="sm"
          variant="secondary"
          onClick={() => setConfirming(true)}
          aria-label={`Revoke ${grant.holder}'s access`}
        >
          Revoke
        </Button>
      ) : null}
      <ConfirmAndRun
        open={confirming}
        onOpenChange={setConfirming}
        title={`Revoke ${grant.holder}'s access?`}
        confirmLabel="Revoke access"
        pending={revoke.isPending}
        run={() => revoke.mutateAsync(grant.id)}
        done={() => `${grant.holder}'s access is revoked.`}
        failed={(message) => `The access is not revoked: ${message}`}
      >
        <p>
          Their session ends at their next click, on every portal instance; the link cannot be used again.
        </p>
      </ConfirmAndRun>
    </li>
  );
}

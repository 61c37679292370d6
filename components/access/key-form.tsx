"use client";

import { useState } from "react";
import { ClosientError } from "@/lib/closient/closient-error";
import { apiKeyProblem } from "@/lib/closient/api-key";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";

/**
 * Another key of the organization, pasted for the purpose (e.g. "Portal watcher"): checked here
 * as sign-in checks it, then by Closient. It is kept encrypted and never shown again.
 */
export function OtherKeyForm({
  label,
  pendingLabel,
  pending,
  onKey,
}: {
  label: string;
  pendingLabel: string;
  pending: boolean;
  /** Resolves when stored; a ClosientError about the key lands on the field. */
  onKey: (apiKey: string) => Promise<unknown>;
}) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();
  return (
    <details className="text-sm">
      <summary className="cursor-pointer py-2 font-medium text-slate-800">Or use another key</summary>
      <form
        noValidate
        className="mt-3 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const key = value.trim();
          const problem = apiKeyProblem(key);
          setError(problem ?? undefined);
          if (problem) return;
          onKey(key).then(
            () => setValue(""),
            (failure: unknown) => {
              const detail =
                failure instanceof ClosientError
                  ? failure.details?.find((d) => d.field === "api_key")
                  : undefined;
              setError(
                detail?.message ??
                  (failure instanceof Error ? failure.message : "The key could not be stored."),
              );
            },
          );
        }}
      >
        <Field
          id="org-key"
          label="API key"
          hint="A business or user key of this organization, made for the purpose (e.g. “Portal watcher”). It is kept encrypted and never shown again."
          error={error}
        >
          <Input
            {...describedBy("org-key", { hint: true, error })}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            className="font-mono"
          />
        </Field>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? pendingLabel : label}
        </Button>
      </form>
    </details>
  );
}

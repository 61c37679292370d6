"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { useSandboxSignIn, useSignIn, useSignOut } from "@/lib/client/session-mutations";
import { apiKeyProblem } from "@/lib/closient/api-key";
import { ClosientError } from "@/lib/closient/closient-error";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FieldError, Input } from "@/components/ui/field";

/**
 * Sign-in with a pasted key, or one click into the sandbox. The key is checked here with the
 * contract's own rule (format and checksum; the route checks the same with signInSchema), so a
 * malformed key never leaves the page; the sign-in page ships no schema or form library.
 */
export function SignInForm({
  sandbox,
  staleSession,
  next,
}: {
  sandbox: boolean;
  staleSession: boolean;
  /** Where to go once signed in: a same-origin path, checked by the page (returnPath). */
  next: string;
}) {
  const field = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [submitted, setSubmitted] = useState(false);
  // A session whose key Closient refused is ended here, where cookies can be cleared.
  const { mutate: endStale } = useSignOut({ leave: false });
  useEffect(() => {
    if (staleSession) endStale();
  }, [staleSession, endStale]);
  const signIn = useSignIn(next);
  const sandboxSignIn = useSandboxSignIn(next);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    const key = field.current?.value.trim() ?? "";
    const problem = apiKeyProblem(key);
    setError(problem ?? undefined);
    if (problem) field.current?.focus();
    else
      signIn.mutate(key, {
        onError: (failure) => {
          setError(failure instanceof ClosientError ? failure.message : "Sign-in failed. Try again.");
          field.current?.focus();
        },
      });
  };

  return (
    <div className="mt-8 space-y-8">
      {sandbox ? (
        <section className="rounded-lg border border-indigo-200 bg-indigo-50 p-4">
          <h2 className="text-sm font-semibold text-indigo-950">Local sandbox</h2>
          <p className="mt-1 text-sm text-indigo-900">
            This portal talks to the local Closient sandbox. Its organization needs no key to paste.
          </p>
          <Button
            primary
            className="mt-3"
            onClick={() => sandboxSignIn.mutate()}
            disabled={sandboxSignIn.isPending}
          >
            {sandboxSignIn.isPending ? "Signing in…" : "Use the sandbox organization"}
          </Button>
          <FieldError>{sandboxSignIn.error?.message}</FieldError>
        </section>
      ) : null}
      <form noValidate onSubmit={submit} className="space-y-4">
        <Field
          id="api-key"
          label="API key"
          hint="A business (csb_…) or user (csu_…) key from Settings › API Keys. It stays on the server."
          error={error}
        >
          <Input
            ref={field}
            name="api_key"
            {...describedBy("api-key", { hint: true, error })}
            // After a refused submit, the message follows what is typed.
            onChange={(event) => {
              if (submitted) setError(apiKeyProblem(event.target.value) ?? undefined);
            }}
            type="password"
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            placeholder="csb_…"
          />
        </Field>
        <Button primary type="submit" disabled={signIn.isPending} className="w-full">
          {signIn.isPending ? "Checking the key…" : "Sign in"}
        </Button>
      </form>
    </div>
  );
}

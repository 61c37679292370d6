"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { api } from "@/lib/api-client";
import { ClosientError, signInSchema, type SignInInput } from "@/lib/closient";
import { Button } from "@/components/ui/button";
import { describe, Field, FieldError, Input } from "@/components/ui/field";

export function SignInForm({ sandbox, staleSession }: { sandbox: boolean; staleSession: boolean }) {
  const router = useRouter();
  // A session whose key Closient refused is ended here, where cookies can be cleared.
  useEffect(() => {
    if (staleSession) api.signOut().catch(() => undefined);
  }, [staleSession]);
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { api_key: "" } });
  const enter = () => {
    router.replace("/webhooks");
    router.refresh();
  };
  const signIn = useMutation({
    mutationFn: (values: SignInInput) => api.signIn(values.api_key),
    meta: { signIn: true },
    onSuccess: enter,
    onError: (error) =>
      form.setError("api_key", {
        message: error instanceof ClosientError ? error.message : "Sign-in failed. Try again.",
      }),
  });
  const sandboxSignIn = useMutation({
    mutationFn: api.signInSandbox,
    onSuccess: enter,
    meta: { signIn: true },
  });
  const error = form.formState.errors.api_key?.message;

  return (
    <div className="mt-8 space-y-8">
      {sandbox ? (
        <section className="rounded-lg border border-indigo-200 bg-indigo-50 p-4">
          <h2 className="text-sm font-semibold text-indigo-950">Local sandbox</h2>
          <p className="mt-1 text-sm text-indigo-900">
            This portal talks to the local Closient sandbox. Its organization needs no key to paste.
          </p>
          <Button className="mt-3" onClick={() => sandboxSignIn.mutate()} disabled={sandboxSignIn.isPending}>
            {sandboxSignIn.isPending ? "Signing in…" : "Use the sandbox organization"}
          </Button>
          <FieldError>{sandboxSignIn.error?.message}</FieldError>
        </section>
      ) : null}
      <form
        noValidate
        onSubmit={(event) => void form.handleSubmit((values) => signIn.mutate(values))(event)}
        className="space-y-4"
      >
        <Field
          id="api-key"
          label="API key"
          hint="A business (csb_…) or user (csu_…) key from Settings › API Keys. It stays on the server."
          error={error}
        >
          <Input
            {...form.register("api_key")}
            {...describe("api-key", { hint: true, error })}
            type="password"
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            placeholder="csb_…"
          />
        </Field>
        <Button type="submit" disabled={signIn.isPending} className="w-full">
          {signIn.isPending ? "Checking the key…" : "Sign in"}
        </Button>
      </form>
    </div>
  );
}

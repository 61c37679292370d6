"use client";

import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { ClosientError } from "@/lib/closient/closient-error";
import type { LinkInput } from "@/lib/access/links";
import { holderProblem, LIFETIMES } from "@/lib/access/link-rules";
import { LINK_ROLES, ROLE_SUMMARY, ROLE_WORDS } from "@/lib/access/roles";
import { useCreateLink } from "@/lib/client/access-mutations";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { describedBy, Field, FieldError, Input } from "@/components/ui/field";

/** The form's fields; the route checks them again (linkSchema). */
type Values = LinkInput;

/** Makes a link for a named person and a role; the link is shown once, in a dialog made for copying it. */
export function LinkForm({ disabled, emailReady }: { disabled: boolean; emailReady: boolean }) {
  const [made, setMade] = useState<{ url: string; mailed: boolean } | null>(null);
  const create = useCreateLink((url, mailed) => setMade({ url, mailed }));
  const form = useForm<Values>({
    defaultValues: { name: "", role: "on_call", expires_in_hours: 24, email: false },
  });
  const { errors, isSubmitting } = form.formState;
  const name = useWatch({ control: form.control, name: "name" });
  const submit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync(values);
      form.reset({ name: "", role: values.role, expires_in_hours: values.expires_in_hours, email: false });
    } catch (error) {
      form.setError("root", {
        message: error instanceof ClosientError ? error.message : "The link could not be made: try again.",
      });
    }
  });
  return (
    <>
      <form noValidate onSubmit={(event) => void submit(event)} className="space-y-4">
        <fieldset disabled={disabled || isSubmitting} className="space-y-4">
          <Field
            id="link-name"
            label="For"
            hint="The person's name or email, as the activity log will name them."
            error={errors.name?.message}
          >
            <Input
              {...form.register("name", { validate: (v) => holderProblem(v) ?? true })}
              {...describedBy("link-name", { hint: true, error: errors.name?.message })}
              autoComplete="off"
            />
          </Field>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">Role</legend>
            {LINK_ROLES.map((role) => (
              <label
                key={role}
                className="flex min-h-10 cursor-pointer items-start gap-2 rounded-md border border-slate-300 p-2 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50"
              >
                <input type="radio" value={role} className="mt-1" {...form.register("role")} />
                <span>
                  <span className="font-medium">{ROLE_WORDS[role]}</span>
                  <span className="block text-xs text-slate-600">{ROLE_SUMMARY[role]}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <Field
            id="link-lifetime"
            label="Access lasts"
            hint="From now. The link itself must be opened within 24 hours, once."
            error={errors.expires_in_hours?.message}
          >
            <select
              {...form.register("expires_in_hours", { valueAsNumber: true })}
              {...describedBy("link-lifetime", { hint: true, error: errors.expires_in_hours?.message })}
              className="bg-surface block min-h-10 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            >
              {LIFETIMES.map(([hours, label]) => (
                <option key={hours} value={hours}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          {emailReady && name.includes("@") ? (
            <label className="flex min-h-10 items-center gap-2 text-sm">
              <input type="checkbox" {...form.register("email")} /> Also email the link to {name}
            </label>
          ) : null}
          <FieldError>{errors.root?.message}</FieldError>
          <Button type="submit" primary disabled={disabled || isSubmitting}>
            {isSubmitting ? "Making the link…" : "Make a link"}
          </Button>
        </fieldset>
      </form>
      <Dialog
        open={made !== null}
        onOpenChange={(open) => (open ? undefined : setMade(null))}
        title="The access link"
        description="This is the only time it is shown. Send it to its holder over a channel you trust; it opens once, within 24 hours."
      >
        <div className="space-y-3">
          <label htmlFor="access-link" className="text-sm font-medium text-slate-800">
            Access link
          </label>
          <input
            id="access-link"
            readOnly
            value={made?.url ?? ""}
            onFocus={(event) => event.target.select()}
            className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
          />
          <CopyButton value={made?.url ?? ""} label="the access link" />
          {made?.mailed ? <p className="text-sm text-emerald-800">It was also emailed.</p> : null}
          <div className="flex justify-end">
            <Button onClick={() => setMade(null)}>Done</Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}

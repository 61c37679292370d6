"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { ClosientError } from "@/lib/closient/closient-error";
import { DESCRIPTION_MAX_LENGTH } from "@/lib/closient/endpoint-fields";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import {
  endpointFormSchema,
  formFieldOf,
  type EndpointFormOutput,
  type EndpointFormValues,
} from "./endpoint-form-schema";
import { EventTypesField } from "./event-types-field";
import { MetadataField } from "./metadata-field";

/**
 * Create and edit share this form. It validates with the contract's schemas before anything is
 * sent, puts an upstream 422's details on their fields, and keeps what was typed when a request
 * fails, so a retry loses nothing.
 */
export function EndpointForm({
  mode,
  defaultValues,
  allowHttp,
  onSubmit,
  onCancel,
  autoFocus = false,
}: {
  mode: "create" | "edit";
  defaultValues: EndpointFormValues;
  allowHttp: boolean;
  /** Resolves when saved; a ClosientError it throws lands on the form. */
  onSubmit: (values: EndpointFormOutput) => Promise<unknown>;
  onCancel?: () => void;
  /** Focus the URL field when the form appears (an editor opened in place). */
  autoFocus?: boolean;
}) {
  const schema = useMemo(() => endpointFormSchema({ allowHttp }), [allowHttp]);
  const form = useForm<EndpointFormValues, unknown, EndpointFormOutput>({
    resolver: zodResolver(schema),
    defaultValues,
    // Rules show as hints from the start; errors appear on submit and then follow each change.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const description = useWatch({ control: form.control, name: "description" });
  const { setFocus } = form;
  useEffect(() => {
    if (autoFocus) setFocus("url");
  }, [autoFocus, setFocus]);

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values);
      if (mode === "edit") form.reset(values);
    } catch (error) {
      if (!(error instanceof ClosientError)) {
        form.setError("root", { message: "Something went wrong. Your changes are still here: try again." });
        return;
      }
      const placed = (error.details ?? []).map((detail) => {
        const field = formFieldOf(detail, values.metadata);
        if (field !== "root") form.setError(field, { message: detail.message });
        return field;
      });
      if (placed.length === 0 || placed.includes("root")) {
        const retry = error.status >= 500 || error.status === 0 || error.status === 429;
        form.setError("root", {
          message: retry ? `${error.message} Your changes are still here: try again.` : error.message,
        });
      }
    }
  });

  const urlHint = allowHttp
    ? "Where Closient POSTs the events. The sandbox also accepts http:// URLs; the real Closient requires https://."
    : "Where Closient POSTs the events. It must start with https://.";

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="space-y-6">
      <fieldset disabled={isSubmitting} className="space-y-6">
        <Field id="endpoint-url" label="Endpoint URL" hint={urlHint} error={errors.url?.message}>
          <Input
            {...form.register("url")}
            {...describedBy("endpoint-url", { hint: true, error: errors.url?.message })}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://example.com/webhooks/closient"
            className="font-mono"
          />
        </Field>

        <Field
          id="endpoint-description"
          label="Description"
          hint="Optional. Shown beside the URL, e.g. “Production order sync”."
          error={errors.description?.message}
          counter={`${description.length} / ${DESCRIPTION_MAX_LENGTH}`}
        >
          <Input
            {...form.register("description")}
            {...describedBy("endpoint-description", { hint: true, error: errors.description?.message })}
          />
        </Field>

        <Controller
          control={form.control}
          name="event_types"
          render={({ field, fieldState }) => (
            <EventTypesField
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message ?? errors.event_types?.root?.message}
            />
          )}
        />

        <MetadataField control={form.control} register={form.register} errors={errors.metadata} />

        {mode === "create" ? (
          <Controller
            control={form.control}
            name="is_active"
            render={({ field }) => (
              <div className="flex items-center gap-3">
                <Switch checked={field.value} onCheckedChange={field.onChange} label="Active" />
                <span className="text-sm text-slate-700">
                  {field.value
                    ? "Active: deliveries start as soon as it is created."
                    : "Paused: created without receiving events until you resume it."}
                </span>
              </div>
            )}
          />
        ) : null}
      </fieldset>

      {errors.root ? (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {errors.root.message}
        </div>
      ) : null}

      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting || (mode === "edit" && !isDirty)}>
          {isSubmitting ? "Saving…" : mode === "create" ? "Create endpoint" : "Save changes"}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} disabled={isSubmitting}>
            {mode === "edit" && isDirty ? "Discard changes" : "Cancel"}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

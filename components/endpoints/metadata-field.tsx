"use client";

import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { METADATA_LIMITS } from "@/lib/closient/metadata";
import { Button } from "@/components/ui/button";
import { FieldError, Input } from "@/components/ui/field";
import type { EndpointFormValues } from "./endpoint-form-schema";

/** Key/value rows with the API's limits shown up front and checked as the admin types. */
export function MetadataField({
  control,
  register,
  errors,
}: {
  control: Control<EndpointFormValues>;
  register: UseFormRegister<EndpointFormValues>;
  errors: FieldErrors<EndpointFormValues>["metadata"];
}) {
  const { fields, append, remove } = useFieldArray({ control, name: "metadata" });
  const full = fields.length >= METADATA_LIMITS.maxKeys;
  const rootError = errors?.message ?? errors?.root?.message;

  return (
    <fieldset className="space-y-3" aria-describedby="metadata-hint">
      <legend className="flex w-full items-baseline justify-between text-sm font-medium text-slate-800">
        <span>Metadata</span>
        <span className="text-xs font-normal text-slate-500 tabular-nums">
          {fields.length} / {METADATA_LIMITS.maxKeys} keys
        </span>
      </legend>
      <p id="metadata-hint" className="text-xs text-slate-500">
        Your own labels, e.g. team or environment. Keys up to {METADATA_LIMITS.maxKeyLength} characters,
        values up to {METADATA_LIMITS.maxValueLength}. Closient stores them and never acts on them.
      </p>
      {fields.map((field, index) => {
        const keyError = errors?.[index]?.key?.message;
        const valueError = errors?.[index]?.value?.message;
        return (
          <div key={field.id} className="grid grid-cols-[1fr_2fr_auto] items-start gap-2">
            <div>
              <Input
                {...register(`metadata.${index}.key`)}
                aria-label={`Metadata key ${index + 1}`}
                aria-invalid={keyError ? true : undefined}
                aria-describedby={keyError ? `metadata-${index}-key-error` : undefined}
                maxLength={METADATA_LIMITS.maxKeyLength + 10}
                className="font-mono"
                placeholder="key"
              />
              <FieldError id={`metadata-${index}-key-error`} small>
                {keyError}
              </FieldError>
            </div>
            <div>
              <Input
                {...register(`metadata.${index}.value`)}
                aria-label={`Metadata value ${index + 1}`}
                aria-invalid={valueError ? true : undefined}
                aria-describedby={valueError ? `metadata-${index}-value-error` : undefined}
                placeholder="value"
              />
              <FieldError id={`metadata-${index}-value-error`} small>
                {valueError}
              </FieldError>
            </div>
            <Button
              variant="ghost"
              onClick={() => remove(index)}
              aria-label={`Remove metadata row ${index + 1}`}
            >
              Remove
            </Button>
          </div>
        );
      })}
      <Button variant="secondary" size="sm" onClick={() => append({ key: "", value: "" })} disabled={full}>
        Add metadata
      </Button>
      {full ? (
        <p className="text-xs text-slate-500">That is the limit of {METADATA_LIMITS.maxKeys} keys.</p>
      ) : null}
      <FieldError>{rootError}</FieldError>
    </fieldset>
  );
}

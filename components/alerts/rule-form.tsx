"use client";

import { useForm } from "react-hook-form";
import { ClosientError } from "@/lib/closient/closient-error";
import type { RuleInput } from "@/lib/alerts/settings";
import { failingAfterProblem } from "@/lib/alerts/channel-input";
import { useSetAlertRule } from "@/lib/client/alert-mutations";
import { notify } from "@/lib/client/notify";
import { Refused, useCan } from "@/components/access/access-context";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FieldError, Input } from "@/components/ui/field";

const REMINDERS: [string, string][] = [
  ["", "Off"],
  ["1", "Every hour"],
  ["4", "Every 4 hours"],
  ["12", "Every 12 hours"],
  ["24", "Every day"],
];

/** The form's text fields; "" is no reminder. The route checks the rule again (ruleSchema). */
interface Values {
  failing_after: string;
  remind_every_hours: string;
}

/** When an endpoint counts as failing, and whether to remind while it still is. */
export function RuleForm({ rule, disabled }: { rule: RuleInput; disabled: boolean }) {
  const save = useSetAlertRule();
  const { allowed, why } = useCan("alerts.manage");
  const off = disabled || !allowed;
  const form = useForm<Values>({
    defaultValues: {
      failing_after: String(rule.failing_after),
      remind_every_hours: rule.remind_every_hours === null ? "" : String(rule.remind_every_hours),
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const submit = form.handleSubmit(async (fields) => {
    const values: RuleInput = {
      failing_after: Number(fields.failing_after),
      remind_every_hours: fields.remind_every_hours ? Number(fields.remind_every_hours) : null,
    };
    try {
      await save.mutateAsync(values);
      form.reset({
        failing_after: String(values.failing_after),
        remind_every_hours: values.remind_every_hours === null ? "" : String(values.remind_every_hours),
      });
      notify.success("Alert rule saved");
    } catch (error) {
      form.setError("root", {
        message: error instanceof ClosientError ? error.message : "The rule could not be saved: try again.",
      });
    }
  });
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="space-y-4">
      <fieldset disabled={off || isSubmitting} className="grid gap-4 sm:grid-cols-2">
        <Field
          id="failing-after"
          label="Failing after"
          hint="Failures in a row (since the last delivery that got through). Any dead letter counts at once."
          error={errors.failing_after?.message}
        >
          <Input
            {...form.register("failing_after", { validate: (v) => failingAfterProblem(v) ?? true })}
            {...describedBy("failing-after", { hint: true, error: errors.failing_after?.message })}
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
          />
        </Field>
        <Field
          id="remind-every"
          label="Reminder while still failing"
          hint="Off by default: one notice when it starts failing, one when it recovers."
          error={errors.remind_every_hours?.message}
        >
          <select
            {...form.register("remind_every_hours")}
            {...describedBy("remind-every", { hint: true, error: errors.remind_every_hours?.message })}
            className="bg-surface block min-h-10 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            {REMINDERS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </fieldset>
      <FieldError>{errors.root?.message}</FieldError>
      <Refused why={why} />
      <Button type="submit" variant="secondary" disabled={off || isSubmitting || !isDirty}>
        {isSubmitting ? "Saving…" : "Save rule"}
      </Button>
    </form>
  );
}

"use client";

import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { ClosientError } from "@/lib/closient/closient-error";
import type { ChannelFormValues, ChannelType, ChannelView } from "@/lib/alerts/settings";
import { channelInputOf, channelProblem } from "@/lib/alerts/channel-input";
import { CHANNEL_WORDS } from "@/lib/alerts/words";
import { useAddChannel, useRemoveChannel, useTestChannel } from "@/lib/client/alert-mutations";
import { notify } from "@/lib/client/notify";
import { Refused, useCan } from "@/components/access/access-context";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { ConfirmAndRun } from "@/components/ui/lazy";
import { LazySecretRevealDialog } from "@/components/endpoints/lazy-secret-reveal-dialog";

const HINTS: Record<ChannelType, { label: string; hint: string; placeholder: string }> = {
  email: {
    label: "Email address",
    hint: "One address; a team list works best (e.g. oncall@brand.example). Plain text and HTML.",
    placeholder: "oncall@brand.example",
  },
  slack: {
    label: "Slack incoming-webhook URL",
    hint: "Slack › Apps › Incoming Webhooks › Add to a channel; paste the https://hooks.slack.com/… URL.",
    placeholder: "https://hooks.slack.com/services/…",
  },
  webhook: {
    label: "Webhook URL",
    hint: "A JSON POST signed as Closient signs its deliveries, with a secret of its own shown once. https:// and a public address only.",
    placeholder: "https://ops.brand.example/alerts",
  },
};

/** The organization's channels: add one, send it a test notice, remove it. */
export function ChannelsPanel({ channels, disabled }: { channels: ChannelView[]; disabled: boolean }) {
  const [secret, setSecret] = useState<string | null>(null);
  const { allowed, why } = useCan("alerts.manage");
  const off = disabled || !allowed;
  const add = useAddChannel(setSecret);
  const form = useForm<ChannelFormValues>({
    defaultValues: { type: "email", target: "" },
  });
  const type = useWatch({ control: form.control, name: "type" });
  const { errors, isSubmitting } = form.formState;
  const words = HINTS[type];

  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(channelInputOf(values));
      form.reset({ type: values.type, target: "" });
      notify.success(`${CHANNEL_WORDS[values.type]} channel added. Send it a test notice to see it work.`);
    } catch (error) {
      const message =
        error instanceof ClosientError ? error.message : "The channel could not be added: try again.";
      form.setError("target", { message });
    }
  });

  return (
    <div className="space-y-6">
      {channels.length ? (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-label="Channels">
          {channels.map((channel) => (
            <ChannelRow key={channel.id} channel={channel} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">
          No channel yet: notices are written, but no one receives them.
        </p>
      )}

      <form noValidate onSubmit={(event) => void submit(event)} className="space-y-4">
        <Refused why={why} />
        <fieldset disabled={off || isSubmitting} className="space-y-4">
          <legend className="text-sm font-semibold text-slate-900">Add a channel</legend>
          <div className="flex flex-wrap gap-2" role="radiogroup" aria-label="Channel type">
            {(Object.keys(HINTS) as ChannelType[]).map((t) => (
              <label
                key={t}
                className="flex min-h-10 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50"
              >
                <input type="radio" value={t} {...form.register("type")} />
                {CHANNEL_WORDS[t]}
              </label>
            ))}
          </div>
          <Field id="channel-target" label={words.label} hint={words.hint} error={errors.target?.message}>
            <Input
              {...form.register("target", { validate: (v, all) => channelProblem(all.type, v) ?? true })}
              {...describedBy("channel-target", { hint: true, error: errors.target?.message })}
              type={type === "email" ? "email" : "url"}
              inputMode={type === "email" ? "email" : "url"}
              autoComplete="off"
              spellCheck={false}
              placeholder={words.placeholder}
            />
          </Field>
          <Button type="submit" primary disabled={off || isSubmitting}>
            {isSubmitting ? "Adding…" : "Add channel"}
          </Button>
        </fieldset>
      </form>
      {secret !== null ? (
        <LazySecretRevealDialog secret={secret} reason="channel" onDone={() => setSecret(null)} />
      ) : null}
    </div>
  );
}

function ChannelRow({ channel }: { channel: ChannelView }) {
  const test = useTestChannel();
  const { allowed } = useCan("alerts.manage");
  const remove = useRemoveChannel();
  const [confirming, setConfirming] = useState(false);
  const name = `${CHANNEL_WORDS[channel.type]}: ${channel.target}`;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 p-3">
      <div className="min-w-0">
        <p className="text-sm font-medium break-all text-slate-900">{name}</p>
        <p className="text-xs text-slate-500">Added by {channel.created_by}</p>
      </div>
      <div className="flex gap-2">
        <Button
          size="sm"
          variant="secondary"
          disabled={test.isPending || !allowed}
          aria-label={`Send a test notice to ${name}`}
          onClick={() =>
            test.mutate(channel.id, {
              onSuccess: () => notify.success("Test notice queued: its attempts show under Notices."),
              onError: (error) => notify.error(`The test notice could not be queued: ${error.message}`),
            })
          }
        >
          {test.isPending ? "Queuing…" : "Send a test notice"}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Remove ${name}`}
          onClick={() => setConfirming(true)}
          disabled={!allowed}
        >
          Remove
        </Button>
      </div>
      <ConfirmAndRun
        open={confirming}
        onOpenChange={setConfirming}
        title="Remove this channel?"
        confirmLabel="Remove channel"
        pending={remove.isPending}
        run={() => remove.mutateAsync(channel.id)}
        done={() => "Channel removed"}
        failed={(message) => `The channel is still there: ${message}`}
      >
        <p>
          <span className="break-all">{name}</span> will receive no more notices, including any still waiting
          to be retried. Its past notices stay on this page.
        </p>
      </ConfirmAndRun>
    </li>
  );
}

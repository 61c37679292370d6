"use client";

import { useState } from "react";
import type { Endpoint } from "@/lib/closient";
import { notify } from "@/lib/client/notify";
import { useUpdateEndpoint } from "@/lib/client/endpoint-mutations";
import { EndpointForm } from "./endpoint-form";
import { formValuesOf, toUpdateBody } from "./endpoint-form-schema";

/**
 * The endpoint's settings as a form, downloaded when the admin asks to edit them
 * (endpoint-settings.tsx). It sends only what changed since it opened.
 */
export function EndpointSettingsForm({
  endpoint,
  allowHttp,
  onSaved,
  onClose,
}: {
  endpoint: Endpoint;
  allowHttp: boolean;
  /** With the endpoint as Closient saved it. */
  onSaved: (saved: Endpoint) => void;
  /** Cancel, or Discard changes: nothing is sent. */
  onClose: () => void;
}) {
  const update = useUpdateEndpoint(endpoint.id);
  // What the form was opened on: edits are sent as a diff against it, so another admin's
  // change to other fields or keys, made meanwhile, is never undone.
  const [baseline] = useState(endpoint);
  return (
    <EndpointForm
      mode="edit"
      autoFocus
      allowHttp={allowHttp}
      defaultValues={formValuesOf(baseline)}
      onCancel={onClose}
      onSubmit={async (values) => {
        const body = toUpdateBody(baseline, values);
        if (Object.keys(body).length === 0) return onClose();
        const saved = await update.mutateAsync(body);
        notify.success("Changes saved");
        onSaved(saved);
      }}
    />
  );
}

"use client";

import { useState } from "react";
import type { Endpoint } from "@/lib/closient";
import { notify } from "@/lib/client/notify";
import { useUpdateEndpoint } from "@/lib/client/endpoint-mutations";
import { EndpointForm } from "./endpoint-form";
import { formValuesOf, toUpdateBody } from "./endpoint-form-schema";

/** The endpoint's settings form; it sends only what changed. */
export function EndpointSettings({ endpoint, allowHttp }: { endpoint: Endpoint; allowHttp: boolean }) {
  const update = useUpdateEndpoint(endpoint.id);
  // What the form was loaded from: edits are sent as a diff against it, so another admin's
  // change to other fields or keys, made meanwhile, is never undone.
  const [baseline, setBaseline] = useState(endpoint);
  return (
    <EndpointForm
      mode="edit"
      allowHttp={allowHttp}
      defaultValues={formValuesOf(baseline)}
      onSubmit={async (values) => {
        const body = toUpdateBody(baseline, values);
        if (Object.keys(body).length === 0) return;
        const saved = await update.mutateAsync(body);
        setBaseline(saved);
        notify.success("Changes saved");
      }}
    />
  );
}

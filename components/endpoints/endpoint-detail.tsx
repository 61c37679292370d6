"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { endpointOptions, useUpdateEndpoint } from "@/lib/queries/endpoints";
import { BackLink, ErrorState, PageHeader, Skeleton } from "@/components/ui/misc";
import { RelativeTime } from "@/components/ui/relative-time";
import { EndpointForm } from "./endpoint-form";
import { formValuesOf, toUpdateBody } from "./endpoint-form-schema";
import { PauseToggle } from "./pause-toggle";
import { SigningSecretSection } from "./signing-secret-section";
import { TestPing } from "./test-ping";

export function EndpointDetail({ id, allowHttp }: { id: string; allowHttp: boolean }) {
  const query = useQuery(endpointOptions(id));
  const update = useUpdateEndpoint(id);
  // What the form was loaded from: edits are sent as a diff against it, so another admin's
  // change to other fields or keys, fetched meanwhile, is never undone.
  const [baseline, setBaseline] = useState(query.data);
  if (query.data && !baseline) setBaseline(query.data);

  if (query.isPending) return <EndpointDetailSkeleton />;
  if (query.isError) return <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />;
  const endpoint = query.data;

  return (
    <div className="space-y-6">
      <BackLink href="/webhooks">Endpoints</BackLink>
      <PageHeader
        title={<span className="font-mono text-xl">{endpoint.url}</span>}
        description={
          <>
            <span>{endpoint.description || "No description"}</span>
            <span className="block text-xs text-slate-500">
              Created <RelativeTime iso={endpoint.created_at} /> · updated{" "}
              <RelativeTime iso={endpoint.updated_at} />
            </span>
          </>
        }
        actions={<PauseToggle endpoint={endpoint} />}
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <section
          aria-labelledby="settings-heading"
          className="rounded-lg border border-slate-200 bg-white p-6"
        >
          <h2 id="settings-heading" className="mb-4 text-base font-semibold">
            Settings
          </h2>
          {baseline ? (
            <EndpointForm
              mode="edit"
              allowHttp={allowHttp}
              defaultValues={formValuesOf(baseline)}
              onSubmit={async (values) => {
                const body = toUpdateBody(baseline, values);
                if (Object.keys(body).length === 0) return;
                const saved = await update.mutateAsync(body);
                setBaseline(saved);
                toast.success("Changes saved");
              }}
            />
          ) : null}
        </section>
        <div className="space-y-6">
          <SigningSecretSection endpointId={endpoint.id} maskedSecret={endpoint.signing_secret} />
          <TestPing endpointId={endpoint.id} active={endpoint.is_active} />
        </div>
      </div>
    </div>
  );
}

export function EndpointDetailSkeleton() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading the endpoint">
      <Skeleton className="h-8 w-2/3" />
      <Skeleton className="h-4 w-1/3" />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Skeleton className="h-96" />
        <Skeleton className="h-48" />
      </div>
    </div>
  );
}

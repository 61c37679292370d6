"use client";

import { useRouter } from "next/navigation";
import { useOpenedOnce } from "@/components/ui/lazy";
import { useState } from "react";
import { useCreateEndpoint } from "@/lib/client/endpoint-mutations";
import { EndpointForm } from "./endpoint-form";
import { emptyEndpointForm, toCreateBody } from "./endpoint-form-schema";
import { LazySecretRevealDialog, preloadSecretRevealDialog } from "./lazy-secret-reveal-dialog";

/** The create form, then the one-time reveal of the new endpoint's secret, then its page. */
export function CreateEndpoint({ allowHttp }: { allowHttp: boolean }) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const [createdId, setCreatedId] = useState<string | null>(null);
  const create = useCreateEndpoint(setSecret);
  const revealMounted = useOpenedOnce(secret !== null);

  return (
    <>
      <EndpointForm
        mode="create"
        allowHttp={allowHttp}
        defaultValues={emptyEndpointForm}
        onCancel={() => router.push("/webhooks")}
        onSubmit={async (values) => {
          preloadSecretRevealDialog();
          const endpoint = await create.mutateAsync(toCreateBody(values));
          setCreatedId(endpoint.id);
        }}
      />
      {revealMounted ? (
        <LazySecretRevealDialog
          secret={secret}
          reason="created"
          onDone={() => {
            setSecret(null);
            create.reset();
            router.push(createdId ? `/webhooks/${createdId}` : "/webhooks");
          }}
        />
      ) : null}
    </>
  );
}

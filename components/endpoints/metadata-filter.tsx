"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toSearchParams } from "@/lib/closient/paths";
import { Button } from "@/components/ui/button";
import { InlineField, Input } from "@/components/ui/field";

/** `key = value` filter for the endpoint list, kept in the URL as `metadata[key]=value`. */
export function MetadataFilter({ metadata }: { metadata: Record<string, string> }) {
  const router = useRouter();
  const [entry] = Object.entries(metadata);
  const [key, setKey] = useState(entry?.[0] ?? "");
  const [value, setValue] = useState(entry?.[1] ?? "");
  const go = (filter: Record<string, string>) =>
    router.push(`/webhooks?${toSearchParams({ page: 1, metadata: filter }).toString()}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go(key.trim() ? { [key.trim()]: value } : {});
  };
  return (
    <form
      onSubmit={submit}
      role="search"
      aria-label="Filter by metadata"
      className="flex flex-wrap items-end gap-2"
    >
      <InlineField label="Metadata key">
        <Input
          value={key}
          onChange={(e) => setKey(e.target.value)}
          maxLength={40}
          className="w-40 font-mono"
        />
      </InlineField>
      <InlineField label="equals">
        <Input value={value} onChange={(e) => setValue(e.target.value)} maxLength={500} className="w-48" />
      </InlineField>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      {entry ? (
        <Button
          variant="ghost"
          onClick={() => {
            setKey("");
            setValue("");
            go({});
          }}
        >
          Clear
        </Button>
      ) : null}
    </form>
  );
}

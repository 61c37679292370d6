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
      className="grid grid-cols-[1fr_1fr_auto] items-end gap-2 sm:flex sm:flex-wrap"
    >
      <InlineField label="Metadata key">
        <Input
          value={key}
          onChange={(e) => setKey(e.target.value)}
          maxLength={40}
          className="font-mono sm:w-40"
        />
      </InlineField>
      <InlineField label="equals">
        <Input value={value} onChange={(e) => setValue(e.target.value)} maxLength={500} className="sm:w-48" />
      </InlineField>
      <Button type="submit" variant="secondary" className="max-sm:min-h-10">
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

"use client";

import { useId, useState } from "react";
import {
  describeEventType,
  EVENT_CATALOGUE,
  MAX_EVENT_TYPES_PER_ENDPOINT,
  subscribableEventTypeSchema,
} from "@/lib/closient/event-types";
import { Button } from "@/components/ui/button";
import { FieldError, Input } from "@/components/ui/field";

/**
 * A searchable list of the catalogue's event types, with their descriptions, plus any other
 * well-formed type typed by hand. The chosen types show as removable chips.
 */
export function EventTypesField({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (types: string[]) => void;
  error?: string;
}) {
  const id = useId();
  const [search, setSearch] = useState("");
  const [addError, setAddError] = useState<string | null>(null);
  const term = search.trim().toLowerCase();
  const matches = EVENT_CATALOGUE.filter(
    (entry) => !term || entry.type.includes(term) || entry.description.toLowerCase().includes(term),
  );
  const custom = term && !EVENT_CATALOGUE.some((entry) => entry.type === term) && !value.includes(term);
  const full = value.length >= MAX_EVENT_TYPES_PER_ENDPOINT;

  const toggle = (type: string, on: boolean) =>
    onChange(on ? [...value, type] : value.filter((t) => t !== type));

  const addCustom = () => {
    const parsed = subscribableEventTypeSchema.safeParse(term);
    if (!parsed.success) {
      setAddError(parsed.error.issues[0]?.message ?? "Not a valid event type.");
      return;
    }
    toggle(parsed.data, true);
    setSearch("");
    setAddError(null);
  };

  return (
    <fieldset className="space-y-3" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}>
      <legend className="text-sm font-medium text-slate-800">Event types</legend>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        Exact types only, no wildcards. An endpoint with no types receives nothing but test pings. Up to{" "}
        {MAX_EVENT_TYPES_PER_ENDPOINT}.
      </p>

      {value.length > 0 ? (
        <ul aria-label="Subscribed event types" className="flex flex-wrap gap-2">
          {value.map((type) => (
            <li
              key={type}
              className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pr-0.5 pl-3 font-mono text-xs text-indigo-900"
            >
              {type}
              <button
                type="button"
                onClick={() => toggle(type, false)}
                aria-label={`Remove ${type}`}
                className="inline-flex size-6 items-center justify-center rounded-full text-base leading-none text-indigo-700 hover:bg-indigo-100"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No event types chosen yet.</p>
      )}

      <div className="flex gap-2">
        <Input
          type="search"
          aria-label="Search or add an event type"
          placeholder="Search, or type a new one like brand.updated"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setAddError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              if (custom && !full) addCustom();
            }
          }}
          className="font-mono"
        />
        {custom ? (
          <Button variant="secondary" onClick={addCustom} disabled={full}>
            Add “{term}”
          </Button>
        ) : null}
      </div>
      <FieldError>{addError}</FieldError>

      <ul className="bg-surface divide-y divide-slate-100 rounded-md border border-slate-200">
        {matches.map((entry) => {
          const checked = value.includes(entry.type);
          return (
            <li key={entry.type}>
              <label className="flex cursor-pointer items-start gap-3 px-3 py-2 hover:bg-slate-50">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={checked}
                  disabled={!checked && full}
                  onChange={(event) => toggle(entry.type, event.target.checked)}
                />
                <span>
                  <span className="block font-mono text-sm">{entry.type}</span>
                  <span className="block text-xs text-slate-500">{entry.description}</span>
                </span>
              </label>
            </li>
          );
        })}
        {matches.length === 0 ? (
          <li className="px-3 py-2 text-sm text-slate-500">No catalogue type matches “{term}”.</li>
        ) : null}
      </ul>
      {value.some((type) => !describeEventType(type)) ? (
        <p className="text-xs text-slate-500">
          Types outside the catalogue are delivered when Closient emits them.
        </p>
      ) : null}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </fieldset>
  );
}

"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { Endpoint } from "@/lib/closient";
import { Refused, useCan } from "@/components/access/access-context";
import { Button } from "@/components/ui/button";
import { LoadingState } from "@/components/ui/states";
import { SettingsSummary } from "./settings-summary";

const loadForm = () => import("./endpoint-settings-form");

/** The form, with react-hook-form and the schemas: not part of the page's first load. */
const EndpointSettingsForm = dynamic(() => loadForm().then((m) => m.EndpointSettingsForm), {
  ssr: false,
  loading: () => <LoadingState>Opening the form…</LoadingState>,
});

/**
 * The endpoint's settings, read first (a night on call rarely edits them), and "Edit settings"
 * to change them in place. The form's code starts downloading when a pointer (mouse, pen or
 * finger) or the focus reaches the button.
 */
export function EndpointSettings({ endpoint, allowHttp }: { endpoint: Endpoint; allowHttp: boolean }) {
  const [editing, setEditing] = useState(false);
  const { allowed, why } = useCan("endpoints.manage");
  // Closient's answer to a save, shown until the server's fresh render (router.refresh) arrives.
  const [saved, setSaved] = useState<Endpoint | null>(null);
  const shown = saved && saved.updated_at >= endpoint.updated_at ? saved : endpoint;
  const edit = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!editing && returnFocus.current) edit.current?.focus();
    returnFocus.current = false;
  }, [editing]);
  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };

  return editing ? (
    <EndpointSettingsForm
      endpoint={shown}
      allowHttp={allowHttp}
      onSaved={(endpoint) => {
        setSaved(endpoint);
        close();
      }}
      onClose={close}
    />
  ) : (
    <div className="space-y-4">
      <SettingsSummary endpoint={shown} />
      <Button
        ref={edit}
        variant="secondary"
        className="max-sm:min-h-11 max-sm:w-full"
        onPointerEnter={() => void loadForm()}
        onFocus={() => void loadForm()}
        onClick={() => setEditing(true)}
        disabled={!allowed}
      >
        Edit settings
      </Button>
      <Refused why={why} />
    </div>
  );
}

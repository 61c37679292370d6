"use client";

import { useEffect, useState, type FormEvent } from "react";
import { checkSignature, type SignatureVerdict } from "@/lib/verify/signature-check";
import { SIGNATURE_HEADER } from "@/lib/closient/signature";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { SignatureReport } from "./signature-report";

export interface EndpointContext {
  id: string;
  name: string;
  maskedSecret: string;
}

interface Checked {
  verdict: SignatureVerdict;
  now: number;
  atSignatureTime: boolean;
}

/** A labelled field for pasted text: monospace, no spellcheck, autocomplete or autocorrect. */
function PastedField({
  id,
  label,
  hint,
  value,
  onChange,
  rows,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  /** A textarea of this many rows; a one-line input without. */
  rows?: number;
}) {
  const props = {
    id,
    value,
    "aria-describedby": `${id}-hint`,
    className: "font-mono text-xs",
    spellCheck: false,
    autoComplete: "off",
    autoCorrect: "off",
    autoCapitalize: "off",
  } as const;
  return (
    <Field id={id} label={label} hint={hint}>
      {rows ? (
        <Textarea {...props} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <Input {...props} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}

/**
 * The "Verify a signature" form. It checks in this browser only, with the contract's Web Crypto
 * code: the fields have no `name`, so even a submit before the script runs sends none of them, and
 * nothing is stored; what is typed is gone with the page.
 */
export function SignatureChecker({ endpoint }: { endpoint: EndpointContext | null }) {
  const [body, setBody] = useState("");
  const [header, setHeader] = useState("");
  const [secret, setSecret] = useState("");
  const [reference, setReference] = useState("");
  const [atSignatureTime, setAtSignatureTime] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  /** Checks asked for; 0 until the first "Check signature". */
  const [runs, setRuns] = useState(0);

  // After the first check, every change checks again, so the answer always fits the fields.
  useEffect(() => {
    if (runs === 0) return;
    let current = true;
    const now = Math.floor(Date.now() / 1000);
    void checkSignature({
      body,
      header,
      secret,
      referenceBody: reference,
      maskedSecret: endpoint?.maskedSecret,
      now,
      atSignatureTime,
    }).then((verdict) => {
      if (current) setChecked({ verdict, now, atSignatureTime });
    });
    return () => {
      current = false;
    };
  }, [runs, body, header, secret, reference, atSignatureTime, endpoint?.maskedSecret]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRuns((n) => n + 1);
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form onSubmit={submit} className="space-y-4" aria-label="Signature to check">
        {[
          {
            id: "check-body",
            label: "Raw body",
            hint: "The request body exactly as your receiver got it, before any JSON parsing.",
            value: body,
            onChange: setBody,
            rows: 8,
          },
          {
            id: "check-header",
            label: `${SIGNATURE_HEADER} header`,
            hint: "Its value: t=…,v1=…",
            value: header,
            onChange: setHeader,
          },
          {
            id: "check-secret",
            label: "Signing secret",
            hint: endpoint
              ? `The full secret of ${endpoint.name}. Its current one starts with ${endpoint.maskedSecret}`
              : "The endpoint's full secret, as shown once when it was created or rotated.",
            value: secret,
            onChange: setSecret,
          },
        ].map((field) => (
          <PastedField key={field.id} {...field} />
        ))}
        <details className="rounded-md border border-slate-200 px-3 py-2">
          <summary className="min-h-6 cursor-pointer text-sm font-medium text-slate-800">
            Compare with the body that was sent (optional)
          </summary>
          <div className="mt-2">
            <PastedField
              id="check-reference"
              label="Original body"
              hint="A body that should verify, such as the one in your sender's log: the check shows where the two first differ."
              value={reference}
              onChange={setReference}
              rows={4}
            />
          </div>
        </details>
        <fieldset className="space-y-1 text-sm text-slate-800">
          <legend className="font-medium">Check the timestamp at</legend>
          <label className="flex min-h-6 items-center gap-2">
            <input
              type="radio"
              name="check-time"
              checked={!atSignatureTime}
              onChange={() => setAtSignatureTime(false)}
            />
            Now, as a receiver does
          </label>
          <label className="flex min-h-6 items-center gap-2">
            <input
              type="radio"
              name="check-time"
              checked={atSignatureTime}
              onChange={() => setAtSignatureTime(true)}
            />
            The signature&apos;s own time, for an old capture
          </label>
        </fieldset>
        <Button type="submit">Check signature</Button>
        <p className="text-xs text-slate-500">
          Checked in this browser: the body, header and secret are sent nowhere and kept nowhere.
        </p>
      </form>
      <div role="status" aria-live="polite" aria-atomic="true">
        {checked ? (
          <SignatureReport
            verdict={checked.verdict}
            now={checked.now}
            atSignatureTime={checked.atSignatureTime}
            endpointName={endpoint?.name ?? null}
          />
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-600">
            Paste what your receiver got, then check it. The answer names the cause: a changed body, the wrong
            or previous secret, an old timestamp, or a malformed header.
          </p>
        )}
      </div>
    </div>
  );
}

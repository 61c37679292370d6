import type { ReactNode } from "react";
import type { BodyChange, SignatureVerdict, Difference } from "@/lib/verify/signature-check";
import { formatDuration } from "@/lib/format-time";
import { cn } from "@/lib/utils";

const bodyChanges: Record<BodyChange, string> = {
  "trailing-newline-added":
    "A line break was added at its end. If you pasted it, delete the last line break; if your framework adds one, verify the raw bytes instead.",
  "trailing-newline-removed": "Its final line break was removed: it was signed with one.",
  crlf: "Its line ends were turned into CRLF (\\r\\n) on the way. Verify the raw bytes, before any text conversion.",
  reserialised:
    "It was parsed and serialised again: the JSON was re-formatted (spaces, indentation, key order or number format). Verify the raw bytes your framework received, before JSON parsing: express.raw(), request.get_data(), io.ReadAll(r.Body), request.raw_post, php://input.",
  other: "It differs from the original body you gave, which does verify.",
};

function visible(text: string) {
  return text.replace(/\r/g, "\\r").replace(/\n/g, "\\n").replace(/\t/g, "\\t");
}

function DifferenceView({ difference }: { difference: Difference }) {
  return (
    <div className="space-y-1">
      <p>
        First difference at line {difference.line}, column {difference.column} (character{" "}
        {difference.index + 1}
        ):
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 font-mono text-xs break-all">
        <dt className="font-sans text-slate-600">Before it</dt>
        <dd>…{visible(difference.context)}</dd>
        <dt className="font-sans text-slate-600">Your body</dt>
        <dd>{difference.given ? `${visible(difference.given)}…` : "(ends here)"}</dd>
        <dt className="font-sans text-slate-600">Signed body</dt>
        <dd>{difference.expected ? `${visible(difference.expected)}…` : "(ends here)"}</dd>
      </dl>
    </div>
  );
}

function age(seconds: number) {
  return seconds >= 0 ? `${formatDuration(seconds)} old` : `${formatDuration(-seconds)} in the future`;
}

function utc(seconds: number) {
  return `${new Date(seconds * 1000).toISOString().replace("T", " ").slice(0, 19)} UTC`;
}

/** The check's answer: a verdict in words (never colour alone), the cause, and what to do. */
export function SignatureReport({
  verdict,
  now,
  atSignatureTime,
  endpointName,
}: {
  verdict: SignatureVerdict;
  now: number;
  atSignatureTime: boolean;
  endpointName: string | null;
}) {
  const ok = verdict.kind === "valid";
  let title: string;
  let body: ReactNode;
  switch (verdict.kind) {
    case "valid":
      title =
        verdict.scheme === "v1"
          ? "Valid: signed with this secret (v1)"
          : "Valid only as v1old: the previous secret";
      body =
        verdict.scheme === "v1" ? (
          <p>A receiver with this secret accepts this delivery.</p>
        ) : (
          <p>
            This is the endpoint&apos;s previous secret. After a rotation, deliveries are signed with both for
            24 hours (<code>v1</code> with the new secret, <code>v1old</code> with this one), so a receiver
            that checks <code>v1old</code> accepts it until then. Switch the receiver to the new secret before
            the grace ends.
          </p>
        );
      break;
    case "stale":
      title = `Refused: the timestamp is ${age(verdict.ageSeconds)}`;
      body = (
        <>
          <p>
            Receivers refuse a timestamp more than 5 minutes from their clock, so that a captured request
            cannot be replayed.{" "}
            {verdict.scheme
              ? `The signature itself is right (${verdict.scheme}).`
              : "The signature does not match either: check at the signature's own time to see why."}
          </p>
          <p>
            If this is an old capture, check it at the signature&apos;s own time. If it arrived just now, the
            receiver&apos;s clock is off: keep it in sync (NTP).
          </p>
        </>
      );
      break;
    case "body-changed":
      title = "Refused: the body was changed after it was signed";
      body = (
        <>
          <p>
            {bodyChanges[verdict.change]}
            {verdict.scheme === "v1old"
              ? " (The unchanged body verifies as v1old, with the previous secret.)"
              : ""}
          </p>
          {verdict.difference ? <DifferenceView difference={verdict.difference} /> : null}
        </>
      );
      break;
    case "wrong-secret":
      title = "Refused: wrong secret";
      body =
        verdict.why === "prefix" ? (
          <p>
            The current secret of {endpointName ?? "this endpoint"} starts with{" "}
            <code>{verdict.expectedPrefix}</code>, and this one does not; nor is it the previous secret, which
            would match <code>v1old</code> for 24 hours after a rotation. Use the secret shown when the
            endpoint was created or last rotated; if it is lost, rotate to get a new one.
          </p>
        ) : verdict.why === "reference" ? (
          <p>
            Neither this body nor the original you gave verifies with this secret. Check the secret, and that
            the header belongs to this delivery.
          </p>
        ) : (
          <p>
            Most likely. The body is compact JSON, exactly the form Closient sends, so it was probably not
            re-formatted; yet neither <code>v1</code> nor <code>v1old</code> matches. Each endpoint has its
            own secret: check that this is the current secret of the endpoint that received it, and that the
            header belongs to this body.
          </p>
        );
      break;
    case "no-match":
      title = "Refused: the signature does not match";
      body = (
        <p>
          The body is not in the form Closient sends (compact JSON), so it looks edited or re-formatted, and
          the secret cannot be judged until you have the raw bytes. Paste the raw body your server received,
          or give the original body to see where the two differ.
        </p>
      );
      break;
    case "malformed-header":
      title = "Refused: the header is malformed";
      body = (
        <ul className="list-disc space-y-1 pl-5">
          {verdict.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      );
      break;
    case "malformed-secret":
      title = "This secret cannot be right";
      body = <p>{verdict.problem}</p>;
      break;
  }
  const timed = verdict.kind === "valid" || verdict.kind === "stale" ? verdict : null;
  return (
    <div
      className={cn(
        "space-y-3 rounded-lg border p-4 text-sm",
        ok ? "border-emerald-300 bg-emerald-50 text-emerald-950" : "border-red-200 bg-red-50 text-red-950",
      )}
    >
      <h2 className="text-base font-semibold">
        <span aria-hidden>{ok ? "✓ " : "✗ "}</span>
        {title}
      </h2>
      {body}
      {timed ? (
        <p className="text-xs">
          Signed at {utc(timed.timestamp)}, {age(timed.ageSeconds)} at {utc(now)}. Checked at{" "}
          {atSignatureTime ? "the signature's own time" : "the current time"}.
        </p>
      ) : null}
    </div>
  );
}

"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { useRedeemLink } from "@/lib/client/access-mutations";

/**
 * Opens an access link: the token is after the `#`, so no server, log or Referer ever sees it. It
 * is read once, wiped from the address bar, and sent to the portal in a POST; on success the
 * holder lands on the endpoints, else the page says why in words, and no session starts.
 */
export function RedeemLink() {
  const redeem = useRedeemLink();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    const token = window.location.hash.slice(1);
    window.history.replaceState(null, "", window.location.pathname);
    // No token at all is answered as any bad one: "not valid", in words.
    redeem.mutate(token);
  }, [redeem]);

  const failure = redeem.isError ? redeem.error.message : null;
  return (
    <div aria-live="polite" className="mt-6">
      {failure ? (
        <div
          role="alert"
          className="space-y-3 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
        >
          <h2 className="font-semibold">This link cannot be used</h2>
          <p>{failure}</p>
          <p>
            Admins sign in with their organization&apos;s key on the{" "}
            <Link href="/sign-in" className="underline">
              sign-in page
            </Link>
            .
          </p>
        </div>
      ) : (
        <p role="status" className="text-sm text-slate-700">
          {redeem.isSuccess ? "Signed in: opening the endpoints…" : "Opening your access link…"}
        </p>
      )}
    </div>
  );
}

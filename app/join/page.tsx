import type { Metadata } from "next";
import { RedeemLink } from "@/components/access/redeem-link";

export const metadata: Metadata = { title: "Open an access link", referrer: "no-referrer" };

/** Where an access link leads: `/join#<token>`. */
export default function JoinPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <h1 className="text-2xl font-semibold">Closient webhooks</h1>
      <p className="mt-2 text-sm text-slate-600">
        An admin of your organization gave you access to its webhooks.
      </p>
      <RedeemLink />
    </main>
  );
}

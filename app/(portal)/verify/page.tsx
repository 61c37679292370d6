import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SignatureChecker } from "@/components/verify/signature-checker";
import { loadVerify } from "@/lib/server/pages";
import { requireSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Verify a signature" };

/**
 * "Why doesn't my signature verify?": paste what a receiver got and see the cause. Opened from an
 * endpoint's page (`?endpoint=`), it also knows that endpoint's masked secret, to tell a wrong
 * secret apart. The check itself runs in the browser.
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ endpoint?: string }> }) {
  const { endpoint: endpointId } = await searchParams;
  const { endpoint, notice } = await loadVerify(await requireSession(), endpointId);
  return (
    <div>
      <PageHeader
        title="Verify a signature"
        description={
          endpoint ? (
            <>
              For <span className="font-medium text-slate-800">{endpoint.name}</span>. Paste what its receiver
              got and see exactly why it verifies or not.
            </>
          ) : (
            "Paste what a receiver got and see exactly why it verifies or not."
          )
        }
      />
      {notice ? (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {notice}
        </p>
      ) : null}
      <SignatureChecker endpoint={endpoint} />
    </div>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/session/sign-in-form";
import { env } from "@/lib/server/env";
import { returnPath } from "@/lib/sign-in/return-path";
import { currentSession } from "@/lib/server/session";
import { currentTheme } from "@/lib/server/theme";
import { ThemeSwitch } from "@/components/shell/theme-switch";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string; next?: string | string[] }>;
}) {
  const { reason, next } = await searchParams;
  // The page a shared link (or an expired session) came from; only a path on this portal.
  const back = returnPath(next) ?? "/webhooks";
  const { isSandbox, sandboxKey } = env();
  const session = await currentSession();
  // Signed in already: nothing to do here. After an expiry, the cookie may still look valid
  // (Closient refused the key), so the form stays and clears it.
  if (session && reason !== "expired") redirect(back);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <h1 className="text-2xl font-semibold">Closient webhooks</h1>
      <p className="mt-2 text-sm text-slate-600">
        Sign in with your organization&apos;s API key to manage its webhook endpoints.
      </p>
      {reason === "expired" ? (
        <p role="status" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Your session ended. Sign in again to continue.
        </p>
      ) : null}
      <SignInForm sandbox={isSandbox && sandboxKey !== null} staleSession={session !== null} next={back} />
      <div className="mt-10 flex justify-end">
        <ThemeSwitch initial={await currentTheme()} />
      </div>
    </main>
  );
}

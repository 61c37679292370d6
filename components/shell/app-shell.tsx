import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionInfo } from "@/lib/api-client";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export function AppShell({ session, children }: { session: SessionInfo; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-2 px-6 py-3">
          <Link href="/webhooks" prefetch={false} className="font-semibold text-slate-900">
            Closient webhooks
          </Link>
          <NavLinks />
          <div className="ml-auto flex items-center gap-4 text-sm">
            {session.sandbox ? (
              <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                Sandbox
              </span>
            ) : null}
            <span className="text-slate-700" title={session.key_description}>
              {session.organization.name}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-6 py-8">
        {children}
      </main>
    </div>
  );
}

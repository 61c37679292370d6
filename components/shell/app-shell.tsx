import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionInfo } from "@/lib/session/session-info";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { ThemeSwitch } from "./theme-switch";
import type { Theme } from "@/lib/theme";

export function AppShell({
  session,
  theme,
  children,
}: {
  session: SessionInfo;
  theme: Theme;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="bg-surface border-b border-slate-200">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-2 px-6 py-3">
          <Link href="/webhooks" prefetch={false} className="font-semibold text-slate-900">
            Closient webhooks
          </Link>
          <NavLinks />
          <div className="ml-auto flex flex-wrap items-center justify-end gap-x-4 gap-y-2 text-sm">
            {session.sandbox ? (
              <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                Sandbox
              </span>
            ) : null}
            <span className="text-slate-700" title={session.key_description}>
              {session.organization.name}
            </span>
            <ThemeSwitch initial={theme} />
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

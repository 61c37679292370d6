import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionInfo } from "@/lib/sign-in/session-info";
import { NavLinks } from "./nav-links";
import { AccessProvider } from "@/components/access/access-context";
import { ROLE_SUMMARY, ROLE_WORDS } from "@/lib/access/roles";
import { SignOutButton } from "./sign-out-button";
import { ThemeSwitch } from "./theme-switch";
import type { Theme } from "@/lib/theme";

/**
 * The page's frame. On a phone the header is two lines: the mark, the organization and sign-out,
 * then the navigation and the theme, a line that scrolls sideways when it is wider than the phone
 * (four links fill it; the theme follows). From `sm` up both lines' parts share one row
 * (`sm:contents`), in the desktop's order.
 */
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
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 lg:flex-nowrap lg:gap-x-4 lg:px-6 lg:py-3 xl:gap-x-6">
          <div className="flex w-full min-w-0 items-center gap-3 text-sm lg:contents">
            <Link
              href="/webhooks"
              prefetch={false}
              className="flex min-h-10 shrink-0 items-center gap-2 font-semibold text-slate-900 lg:order-1"
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- a 24 px SVG, no optimizing to do */}
              <img src="/icons/icon.svg" alt="" width={24} height={24} className="h-6 w-6" />
              <span className="sr-only 2xl:not-sr-only">Closient webhooks</span>
            </Link>
            <span
              className="min-w-0 flex-1 truncate text-slate-700 lg:order-3 lg:max-w-[10rem] lg:flex-none lg:text-right xl:max-w-[16rem]"
              title={`Signed in as ${session.actor.name}`}
            >
              {session.organization.name}
            </span>
            {session.sandbox ? (
              <span className="shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 lg:order-3">
                Sandbox
              </span>
            ) : null}
            <span className="shrink-0 lg:order-5">
              <SignOutButton />
            </span>
          </div>
          <div className="relative flex w-full items-center justify-between gap-2 max-lg:overflow-x-auto lg:contents">
            <span className="lg:order-2 lg:mr-auto">
              <NavLinks admin={session.access === "admin"} />
            </span>
            <span className="shrink-0 lg:order-4">
              <ThemeSwitch initial={theme} />
            </span>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
        {session.access !== "admin" ? (
          <p className="mb-4 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="access-banner">
            Signed in as {session.actor.name} with <strong>{ROLE_WORDS[session.access].toLowerCase()}</strong>{" "}
            access: {ROLE_SUMMARY[session.access]}
          </p>
        ) : null}
        <AccessProvider role={session.access}>{children}</AccessProvider>
      </main>
    </div>
  );
}

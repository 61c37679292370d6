import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { currentSession } from "@/lib/server/session";
import { currentTheme } from "@/lib/server/theme";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  return (
    <AppShell session={session.info} theme={await currentTheme()}>
      {children}
    </AppShell>
  );
}

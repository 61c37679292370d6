import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireSession } from "@/lib/server/session";
import { currentTheme } from "@/lib/server/theme";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  return (
    <AppShell session={session.info} theme={await currentTheme()}>
      {children}
    </AppShell>
  );
}

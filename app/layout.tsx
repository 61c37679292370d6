import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { currentTheme, THEME_COLORS } from "@/lib/server/theme";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Webhooks · Closient", template: "%s · Closient webhooks" },
  description: "Manage your organization's Closient webhook endpoints.",
  referrer: "no-referrer",
  appleWebApp: { title: "Webhooks", statusBarStyle: "default" },
  icons: { apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: THEME_COLORS.light },
    { media: "(prefers-color-scheme: dark)", color: THEME_COLORS.dark },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so each one gets its own CSP nonce (see proxy.ts).
  await connection();
  // The theme is in the HTML itself, so the first paint is in it, with no script (globals.css).
  return (
    <html lang="en" data-theme={await currentTheme()}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}

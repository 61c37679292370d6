import type { MetadataRoute } from "next";
import { THEME_COLORS } from "@/lib/server/theme";

/**
 * The web app manifest: an admin adds the portal to the phone's home screen and opens it on the
 * endpoint list. The icons are drawn in public/icons/ (scripts/icons.ts makes the PNGs).
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/webhooks",
    name: "Closient webhooks",
    short_name: "Webhooks",
    description: "Manage your organization's Closient webhook endpoints.",
    start_url: "/webhooks",
    scope: "/",
    display: "standalone",
    background_color: THEME_COLORS.light,
    theme_color: THEME_COLORS.light,
    icons: [
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}

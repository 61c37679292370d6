import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

/** The admin's theme for this request, from the switch's cookie ("system" when there is none). */
export const currentTheme = cache(async () => parseTheme((await cookies()).get(THEME_COOKIE)?.value));

/**
 * The header's colour in each theme (globals.css: `--color-surface`), for the browser's own bars
 * and the installed app's splash screen.
 */
export const THEME_COLORS = { light: "#ffffff", dark: "#0f172a" } as const;

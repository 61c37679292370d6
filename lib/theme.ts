/** The colour theme: the system's (`prefers-color-scheme`), or one chosen in the header. */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** Not a secret and read by no script but the switch: the server renders `<html data-theme>` from it. */
export const THEME_COOKIE = "theme";
const YEAR_SECONDS = 365 * 24 * 3600;

export function parseTheme(value: string | undefined): Theme {
  return THEMES.find((theme) => theme === value) ?? "system";
}

/** The cookie as the switch writes it (`document.cookie`), for a year, on every path. */
export function themeCookie(theme: Theme): string {
  return `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax`;
}

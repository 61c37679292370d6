"use client";

import { useState } from "react";
import { THEMES, themeCookie, type Theme } from "@/lib/theme";

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/**
 * System, light or dark. The choice is kept in a cookie, so the server renders the next page in
 * it from the first paint; here it applies at once by setting `<html data-theme>`.
 */
export function ThemeSwitch({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial);
  return (
    <span className="flex items-center gap-1.5 text-sm text-slate-700">
      <label htmlFor="theme-switch" className="sr-only xl:not-sr-only">
        Theme
      </label>
      <select
        id="theme-switch"
        value={theme}
        onChange={(event) => {
          const next = event.target.value as Theme;
          setTheme(next);
          document.cookie = themeCookie(next);
          document.documentElement.dataset.theme = next;
        }}
        className="bg-surface min-h-8 rounded-md border border-slate-300 px-1 text-sm text-slate-800"
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
    </span>
  );
}

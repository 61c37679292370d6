/** Times as people read them; pure, for server and client components alike. */
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/*
 * One formatter of each kind, made on first use: making one loads the locale's data, which costs
 * more than many formats (on a slow phone, tens of milliseconds; BENCHMARKS.md).
 */
let relativeFormat: Intl.RelativeTimeFormat | undefined;
let exactFormat: Intl.DateTimeFormat | undefined;

export function formatRelative(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Math.abs(seconds) < 60) return "just now";
  const format = (relativeFormat ??= new Intl.RelativeTimeFormat("en", { numeric: "auto" }));
  const [unit, size] = units.find(([, size]) => Math.abs(seconds) >= size) ?? ["minute", 60];
  return format.format(Math.round(seconds / size), unit);
}

export function formatExact(iso: string): string {
  exactFormat ??= new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "long" });
  return exactFormat.format(new Date(iso));
}

/** A span of seconds in its two largest units: "45 s", "4 min 8 s", "2 h 3 min", "3 days 2 h". */
export function formatDuration(totalSeconds: number): string {
  const parts: [number, string][] = [
    [Math.floor(totalSeconds / 86_400), " days"],
    [Math.floor((totalSeconds % 86_400) / 3600), " h"],
    [Math.floor((totalSeconds % 3600) / 60), " min"],
    [Math.floor(totalSeconds % 60), " s"],
  ];
  const first = parts.findIndex(([value]) => value > 0);
  if (first < 0) return "0 s";
  return parts
    .slice(first, first + 2)
    .filter(([value]) => value > 0)
    .map(([value, unit]) => (value === 1 && unit === " days" ? "1 day" : `${value}${unit}`))
    .join(" ");
}

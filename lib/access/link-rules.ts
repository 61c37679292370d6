/** A link holder's name, as the form and `POST /api/access/links` check it: what is wrong, or null. */
export function holderProblem(raw: string): string | null {
  const v = raw.trim();
  if (!v) return "Enter the person's name or email.";
  if (v.length > 120) return "At most 120 characters.";
  if (/[\r\n<>]/.test(v)) return "Use a name or an email, on one line.";
  return null;
}

/** The lifetimes the page offers, in hours (the route takes any whole number from 1 to 720). */
export const LIFETIMES: [number, string][] = [
  [1, "1 hour"],
  [8, "8 hours"],
  [24, "1 day"],
  [72, "3 days"],
  [168, "7 days"],
  [720, "30 days"],
];

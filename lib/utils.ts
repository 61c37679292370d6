/** "1 dead letter", "3 dead letters", "10,000 rows": a count and its noun, for words that take an s. */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
}

/** Joins class names, skipping the falsy ones. */
export function cn(...classes: (string | false | null | undefined)[]) {
  return classes.filter(Boolean).join(" ");
}

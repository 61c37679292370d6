/**
 * How each benchmark reports: a Markdown table printed to the terminal and written into its own
 * block of BENCHMARKS.md (between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`), with
 * the command and the machine it ran on. The text around the blocks is written by hand.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

const FILE = "BENCHMARKS.md";

/** "2 × AMD EPYC, 24 GiB, Node v20.20.2" */
export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** A Markdown table; the first column left-aligned, the others right-aligned. */
export function markdownTable(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

/**
 * Replaces the block `name` of BENCHMARKS.md with `body`, headed by the date, the command and the
 * machine. A file without that block is left as it is, and the run says so.
 */
export function writeSection(name: string, command: string, body: string) {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = [
    start,
    `Last run: ${new Date().toISOString().slice(0, 10)}, \`${command}\`, ${machine()}.`,
    "",
    body,
    end,
  ].join("\n");
  const doc = readFileSync(FILE, "utf8");
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) {
    console.log(`\n${FILE} has no ${start} block: not written`);
    return;
  }
  writeFileSync(FILE, doc.slice(0, from) + block + doc.slice(to + end.length));
  console.log(`\nwritten into ${FILE} (bench:${name})`);
}

/**
 * Rows that Closient sent but the portal could not read (no id, say): the others still show, and
 * the admin is told that some are missing. The server's log names them.
 */
export function UnreadableRows({ count }: { count: number | undefined }) {
  if (!count) return null;
  return (
    <p
      role="status"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      {count === 1
        ? "1 row that Closient sent could not be read and is not shown."
        : `${count} rows that Closient sent could not be read and are not shown.`}{" "}
      The others are complete.
    </p>
  );
}

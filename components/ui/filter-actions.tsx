import Link from "next/link";

/** A filter form's Filter button, and Clear all (back to `clearHref`) while any filter is set. */
export function FilterActions({ filtered, clearHref }: { filtered: boolean; clearHref: string }) {
  return (
    <>
      <button
        type="submit"
        className="bg-surface min-h-9 rounded-md border border-slate-300 px-4 text-sm font-medium text-slate-800 hover:bg-slate-50 max-sm:min-h-11"
      >
        Filter
      </button>
      {filtered ? (
        <Link
          href={clearHref}
          prefetch={false}
          className="inline-flex min-h-9 items-center px-2 text-sm font-medium text-indigo-700 underline max-sm:min-h-11 max-sm:justify-center"
        >
          Clear all
        </Link>
      ) : null}
    </>
  );
}

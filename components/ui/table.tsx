import type { ReactNode } from "react";

/**
 * A bordered table with a caption for assistive technology. On a phone its rows are cards
 * (`.stacked-table` in globals.css): each cell says where it goes with `max-sm:` utilities, and
 * nothing scrolls sideways. From `sm` up it scrolls sideways inside its border if it must.
 */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  /** Header labels; an `srOnly` one is announced but not shown. */
  columns: { label: string; srOnly?: boolean }[];
  children: ReactNode;
}) {
  return (
    <div className="bg-surface rounded-lg border border-slate-200 sm:overflow-x-auto">
      <table className="stacked-table min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className="max-sm:p-0">
                {column.srOnly ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

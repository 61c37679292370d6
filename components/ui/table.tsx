import type { ReactNode } from "react";

/** A bordered, horizontally scrollable table with a caption for assistive technology. */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  /** Header labels; an empty string is a column announced as `srOnly`. */
  columns: { label: string; srOnly?: boolean }[];
  children: ReactNode;
}) {
  return (
    <div className="bg-surface overflow-x-auto rounded-lg border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className="px-4 py-3">
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

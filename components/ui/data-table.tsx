// The frame every list table shares: a labelled table with column headers; rows come as children.
import type { ReactNode } from "react";

export function DataTable({ label, columns, children }: { label?: string; columns: ReadonlyArray<string | false>; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table aria-label={label} className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            {columns
              .filter((column) => column !== false)
              .map((column) => (
                <th key={column} scope="col" className="px-4 py-3">
                  {column}
                </th>
              ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

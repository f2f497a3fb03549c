// Dense data tables: a bordered, horizontally scrollable table with a sticky-looking header row.
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

/**
 * `bare` leaves out the frame, for a table inside a panel that already has one. The scroller is
 * `relative` so screen-reader-only text in cells (absolutely positioned) scrolls with the table
 * instead of widening the page.
 */
export function Table({ children, caption, bare }: { children: ReactNode; caption?: string; bare?: boolean }) {
  const frame = bare ? "" : "rounded-lg border border-slate-200 bg-white shadow-xs";
  return (
    <div className={`relative max-w-full overflow-x-auto ${frame}`}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="bg-slate-50">
      <tr>{children}</tr>
    </thead>
  );
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>;
}

export function Tr({ children }: { children: ReactNode }) {
  return <tr className="hover:bg-slate-50/70">{children}</tr>;
}

/** `verbatim` keeps the header's own letter case (architecture names such as x86_64 must not be uppercased). */
export function Th({
  className = "",
  verbatim,
  ...props
}: ThHTMLAttributes<HTMLTableCellElement> & { verbatim?: boolean }) {
  const text = verbatim
    ? "text-xs font-semibold text-slate-600"
    : "text-xs font-semibold uppercase tracking-wide text-slate-600";
  return <th scope="col" className={`whitespace-nowrap px-3 py-2 text-left ${text} ${className}`} {...props} />;
}

export function Td({ className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`px-3 py-2 align-top text-slate-800 ${className}`} {...props} />;
}

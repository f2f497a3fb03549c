"use client";
// Previous/next paging for lists the server pages by limit/offset: "21–40 of 57".
import { Button } from "./button";

type PaginationProps = {
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
  label: string;
};

export function Pagination({ offset, limit, total, onOffset, label }: PaginationProps) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav aria-label={label} className="mt-3 flex items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite" className="tabular-nums">
        {first}–{last} of {total}
      </p>
      <div className="flex gap-2">
        <Button size="sm" onClick={() => onOffset(Math.max(0, offset - limit))} disabled={offset === 0}>
          Previous
        </Button>
        <Button size="sm" onClick={() => onOffset(offset + limit)} disabled={last >= total}>
          Next
        </Button>
      </div>
    </nav>
  );
}

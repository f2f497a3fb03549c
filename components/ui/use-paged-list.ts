"use client";
// One page size for every list table, and the one step back to the last page that still has rows when
// the page on screen empties (rows deleted elsewhere, or by the user on the last page).
import { useEffect } from "react";

export const PAGE_SIZE = 20;

/** The part of a react-query page result this needs: the rows on screen, the total, and whether they are stale. */
type PageResult = { data?: { items: readonly unknown[]; total: number }; isPlaceholderData: boolean };

/** The offset of the last page that has rows for `total` rows (0 when there are none). */
export function lastPageOffset(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(0, Math.floor((total - 1) / pageSize) * pageSize);
}

/** Moves to the last page with rows when the fresh (not placeholder) page at `offset` came back empty. */
export function usePageStepBack(page: PageResult, offset: number, onOffset: (offset: number) => void): void {
  const total = page.data?.total ?? 0;
  // Placeholder data is the previous page's rows: wait for the real answer before judging it empty.
  const empty = !!page.data && page.data.items.length === 0 && !page.isPlaceholderData;
  useEffect(() => {
    if (empty && offset > 0) onOffset(lastPageOffset(total));
  }, [empty, offset, total, onOffset]);
}

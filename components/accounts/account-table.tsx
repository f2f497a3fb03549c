"use client";
// The list half of the Users and Tokens pages: loading and failure states, a captioned table with the
// page's columns and an unlabelled actions column, one row per item.
import type { ReactNode } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import type { Action } from "@/lib/auth/actions";

type Query<T> = { isPending: boolean; error: Error | null; data?: T[] };

type Props<T> = {
  caption: string;
  query: Query<T>;
  columns: string[];
  rowKey: (item: T) => string;
  /** The cells of one row, in column order, then its action (or null). */
  cells: (item: T) => { values: ReactNode[]; action: ReactNode };
};

export function AccountTable<T>({ caption, query, columns, rowKey, cells }: Props<T>) {
  if (query.isPending) return <LoadingState />;
  if (query.error || !query.data) return <ErrorState error={query.error} />;
  return (
    <Table caption={caption}>
      <THead>
        {columns.map((c) => (
          <Th key={c}>{c}</Th>
        ))}
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {query.data.map((item) => {
          const { values, action } = cells(item);
          return (
            <Tr key={rowKey(item)}>
              {values.map((v, i) => (
                // The first column names the row; columns are fixed per page, so the index is a stable key.
                <Td key={i} className={i === 0 ? "font-medium" : undefined}>
                  {v}
                </Td>
              ))}
              <Td>{action}</Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

/** The row's destructive action (Revoke a token, Remove a user), named for the row it acts on. */
export function RowDangerButton({
  action,
  label,
  name,
  pending,
  blockedBecause,
  onClick,
}: {
  /** The action, for the role it needs (lib/auth/actions.ts). */
  action: Action;
  label: string;
  name: string;
  pending: boolean;
  /** Why this row cannot take the action (shown as the hover text), or undefined when it can. */
  blockedBecause?: string;
  onClick: () => void;
}) {
  return (
    <RoleButton
      action={action}
      size="sm"
      variant="danger"
      disabled={pending || !!blockedBecause}
      title={blockedBecause}
      onClick={onClick}
      aria-label={`${label} ${name}`}
    >
      {label}
    </RoleButton>
  );
}

"use client";
// A Delete button behind a confirmation; runs a react-query delete mutation and then moves on.
import type { UseMutationResult } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import type { Action } from "@/lib/auth/actions";
import { ConfirmDialog } from "./confirm-dialog";

type DeleteButtonProps = {
  id: string;
  mutation: UseMutationResult<unknown, Error, string>;
  title: string;
  confirmLabel: string;
  onDeleted: () => void;
  children: ReactNode;
  /** The delete action, for the role it needs (lib/auth/actions.ts). */
  action: Action;
};

export function DeleteButton({ id, mutation, title, confirmLabel, onDeleted, children, action }: DeleteButtonProps) {
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    mutation.reset();
  };
  return (
    <>
      <RoleButton action={action} variant="secondary" className="text-red-700" onClick={() => setOpen(true)}>
        Delete
      </RoleButton>
      <ConfirmDialog
        open={open}
        onClose={close}
        title={title}
        confirmLabel={confirmLabel}
        pendingLabel="Deleting…"
        pending={mutation.isPending}
        error={mutation.error?.message}
        onConfirm={() => mutation.mutate(id, { onSuccess: onDeleted })}
      >
        {children}
      </ConfirmDialog>
    </>
  );
}

"use client";
// Delete behind a confirmation. A 409 keeps the dialog open and lists the jobs that still
// reference the record (the server's `errors.jobs`).
import type { UseMutationResult } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ApiError } from "@/lib/api-client/api-error";
import type { Action } from "@/lib/auth/actions";

type DeleteImsButtonProps = {
  id: string;
  mutation: UseMutationResult<void, ApiError | Error, string>;
  title: string;
  confirmLabel: string;
  onDeleted: () => void;
  children: ReactNode;
  /** Accessible name of the button when "Delete" alone is ambiguous (one per table row). */
  buttonLabel?: string;
  size?: "sm" | "md";
  /** The delete action, for the role it needs (lib/auth/actions.ts). */
  action: Action;
};

export function DeleteImsButton({
  id,
  mutation,
  title,
  confirmLabel,
  onDeleted,
  children,
  buttonLabel,
  size = "md",
  action,
}: DeleteImsButtonProps) {
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    mutation.reset();
  };
  const error = mutation.error;
  const jobs = error instanceof ApiError && error.status === 409 ? (error.fieldErrors.jobs ?? []) : [];
  return (
    <>
      <RoleButton
        action={action}
        variant="secondary"
        size={size}
        className="text-red-700"
        onClick={() => setOpen(true)}
        aria-label={buttonLabel}
      >
        Delete
      </RoleButton>
      <ConfirmDialog
        open={open}
        onClose={close}
        title={title}
        confirmLabel={confirmLabel}
        pendingLabel="Deleting…"
        pending={mutation.isPending}
        error={error ? (jobs.length ? "Jobs still reference it; delete it once they are gone." : error.message) : null}
        onConfirm={() => mutation.mutate(id, { onSuccess: onDeleted })}
      >
        {children}
        {jobs.length ? (
          <div className="mt-3">
            <p className="font-medium text-slate-900">Referencing jobs</p>
            <ul aria-label="Referencing jobs" className="mt-1 space-y-0.5">
              {jobs.map((job) => (
                <li key={job} className="break-all font-mono text-xs">
                  {job}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

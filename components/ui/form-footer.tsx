"use client";
// The footer every dialog form shares: Cancel, then the submit button that says when it is busy (and,
// given the action it submits, is disabled with the reason for a role that cannot take it).
import type { ReactNode } from "react";
import { RoleButton } from "@/components/auth/role-button";
import type { Action } from "@/lib/auth/actions";
import { Button } from "./button";
import { DialogFooter } from "./dialog";

type FormFooterProps = {
  onCancel: () => void;
  busy: boolean;
  /** What the submit button says, and what it says while busy. */
  submit: ReactNode;
  busyLabel: string;
  disabled?: boolean;
  cancelLabel?: string;
  /** What submitting does, for the role it needs (lib/auth/actions.ts). */
  action: Action;
};

export function FormFooter({
  onCancel,
  busy,
  submit,
  busyLabel,
  disabled,
  cancelLabel = "Cancel",
  action,
}: FormFooterProps) {
  return (
    <DialogFooter>
      <Button variant="secondary" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <RoleButton action={action} variant="primary" type="submit" disabled={busy || disabled}>
        {busy ? busyLabel : submit}
      </RoleButton>
    </DialogFooter>
  );
}

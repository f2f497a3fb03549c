"use client";
// The footer every dialog form shares: Cancel, then the submit button that says when it is busy.
import type { ReactNode } from "react";
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
};

export function FormFooter({ onCancel, busy, submit, busyLabel, disabled, cancelLabel = "Cancel" }: FormFooterProps) {
  return (
    <DialogFooter>
      <Button variant="secondary" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button variant="primary" type="submit" disabled={busy || disabled}>
        {busy ? busyLabel : submit}
      </Button>
    </DialogFooter>
  );
}

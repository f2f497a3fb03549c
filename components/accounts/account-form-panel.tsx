"use client";
// The "add one" panel of the Users and Tokens pages: a one-row form, its submit button, the server's
// error under it, and whatever the page shows after a success (the new token).
import type { FormEvent, ReactNode } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { FormAlert } from "@/components/ui/form-alert";
import { Panel } from "@/components/ui/panel";
import type { Action } from "@/lib/auth/actions";

type Props = {
  title: string;
  description?: string;
  submitLabel: string;
  /** What submitting does, for the role it needs (lib/auth/actions.ts). */
  action: Action;
  pending: boolean;
  error: Error | null;
  /** Called with the form's values; `reset` clears the fields (after a success, when the page wants it). */
  onSubmit: (values: FormData, reset: () => void) => void;
  children: ReactNode;
  after?: ReactNode;
};

export function AccountFormPanel({
  title,
  description,
  submitLabel,
  action,
  pending,
  error,
  onSubmit,
  children,
  after,
}: Props) {
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    onSubmit(new FormData(form), () => form.reset());
  }
  return (
    <Panel title={title} description={description}>
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-4 sm:items-end">
        {children}
        <RoleButton action={action} type="submit" variant="primary" disabled={pending}>
          {submitLabel}
        </RoleButton>
      </form>
      {error ? (
        <div className="mt-3">
          <FormAlert>{error.message}</FormAlert>
        </div>
      ) : null}
      {after ? <div className="mt-4">{after}</div> : null}
    </Panel>
  );
}

"use client";
// Users: add a local account, change a role, remove an account.
import { type FormEvent, useRef } from "react";
import { useSessionUser } from "@/components/auth/session-context";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { FormAlert } from "@/components/ui/form-alert";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { SelectField } from "@/components/ui/select-field";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import { TextField } from "@/components/ui/text-field";
import { ROLE_DESCRIPTIONS, ROLES, type Role } from "@/lib/auth/roles";
import { useCreateUser, useDeleteUser, useSetUserRole, useUsers } from "@/lib/queries/use-users";

function NewUserForm() {
  const create = useCreateUser();
  const formRef = useRef<HTMLFormElement>(null);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    create.mutate(
      {
        username: String(form.get("username")),
        password: String(form.get("password")),
        role: form.get("role") as Role,
      },
      { onSuccess: () => formRef.current?.reset() },
    );
  }
  return (
    <Panel title="New local user">
      <form ref={formRef} onSubmit={submit} className="grid gap-3 sm:grid-cols-4 sm:items-end">
        <TextField label="User name" name="username" required autoComplete="off" />
        <TextField
          label="Password"
          name="password"
          type="password"
          required
          minLength={8}
          autoComplete="new-password"
        />
        <SelectField label="Role" name="role" defaultValue="viewer">
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Add user
        </Button>
      </form>
      {create.error ? (
        <div className="mt-3">
          <FormAlert>{create.error.message}</FormAlert>
        </div>
      ) : null}
    </Panel>
  );
}

export function UsersPage() {
  const users = useUsers();
  const setRole = useSetUserRole();
  const remove = useDeleteUser();
  const me = useSessionUser();
  const error = setRole.error ?? remove.error;
  return (
    <>
      <PageHeader title="Users" description={ROLES.map((r) => `${r}: ${ROLE_DESCRIPTIONS[r]}`).join(" · ")} />
      <div className="space-y-5">
        <NewUserForm />
        {error ? <FormAlert>{error.message}</FormAlert> : null}
        {users.isPending ? (
          <LoadingState />
        ) : users.error ? (
          <ErrorState error={users.error} />
        ) : (
          <Table caption="Users">
            <THead>
              <Th>User name</Th>
              <Th>Sign-in</Th>
              <Th>Role</Th>
              <Th>Created</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </THead>
            <TBody>
              {users.data.map((u) => (
                <Tr key={u.id}>
                  <Td className="font-medium">{u.username}</Td>
                  <Td>{u.source}</Td>
                  <Td>
                    <select
                      aria-label={`Role of ${u.username}`}
                      value={u.role}
                      onChange={(e) => setRole.mutate({ id: u.id, role: e.target.value })}
                      className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
                    >
                      {ROLES.map((r) => (
                        <option key={r}>{r}</option>
                      ))}
                    </select>
                  </Td>
                  <Td>
                    <DateTime value={u.created_at} />
                  </Td>
                  <Td>
                    <Button
                      size="sm"
                      variant="danger"
                      disabled={remove.isPending || u.username === me?.name}
                      title={u.username === me?.name ? "You cannot remove your own account" : undefined}
                      onClick={() => remove.mutate(u.id)}
                      aria-label={`Remove ${u.username}`}
                    >
                      Remove
                    </Button>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </div>
    </>
  );
}

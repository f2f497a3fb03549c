"use client";
// Users: add a local account, change a role, remove an account.
import { useSessionUser } from "@/components/auth/session-context";
import { DateTime } from "@/components/ui/date-time";
import { FormAlert } from "@/components/ui/form-alert";
import { PageHeader } from "@/components/ui/page-header";
import { TextField } from "@/components/ui/text-field";
import { ROLE_DESCRIPTIONS, ROLES, type Role } from "@/lib/auth/roles";
import { useCreateUser, useDeleteUser, useSetUserRole, useUsers } from "@/lib/queries/use-users";
import { AccountFormPanel } from "./account-form-panel";
import { AccountTable, RowDangerButton } from "./account-table";
import { RoleField, RoleSelect } from "./role-select";

function NewUserForm() {
  const create = useCreateUser();
  return (
    <AccountFormPanel
      title="New local user"
      submitLabel="Add user"
      action="user.manage"
      pending={create.isPending}
      error={create.error}
      onSubmit={(form, reset) =>
        create.mutate(
          {
            username: String(form.get("username")),
            password: String(form.get("password")),
            role: form.get("role") as Role,
          },
          { onSuccess: reset },
        )
      }
    >
      <TextField label="User name" name="username" required autoComplete="off" />
      <TextField label="Password" name="password" type="password" required minLength={8} autoComplete="new-password" />
      <RoleField />
    </AccountFormPanel>
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
        <AccountTable
          caption="Users"
          query={users}
          columns={["User name", "Sign-in", "Role", "Created"]}
          rowKey={(u) => u.id}
          cells={(u) => ({
            values: [
              u.username,
              u.source,
              <RoleSelect
                key="role"
                aria-label={`Role of ${u.username}`}
                value={u.role}
                onChange={(e) => setRole.mutate({ id: u.id, role: e.target.value })}
              />,
              <DateTime key="created" value={u.created_at} />,
            ],
            action: (
              <RowDangerButton
                action="user.manage"
                label="Remove"
                name={u.username}
                pending={remove.isPending}
                blockedBecause={u.username === me?.name ? "You cannot remove your own account" : undefined}
                onClick={() => remove.mutate(u.id)}
              />
            ),
          })}
        />
      </div>
    </>
  );
}

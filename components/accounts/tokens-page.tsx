"use client";
// API tokens: create one (shown once, with a Copy button), list them, revoke.
import { useState } from "react";
import { CopyField } from "@/components/ui/copy-field";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { TextField } from "@/components/ui/text-field";
import type { Role } from "@/lib/auth/roles";
import { useCreateToken, useRevokeToken, useTokens } from "@/lib/queries/use-tokens";
import { AccountFormPanel } from "./account-form-panel";
import { AccountTable, RowDangerButton } from "./account-table";
import { RoleField } from "./role-select";

function NewTokenForm() {
  const create = useCreateToken();
  const [shown, setShown] = useState<string>();
  return (
    <AccountFormPanel
      title="New token"
      description="For scripts and CI: send it as Authorization: Bearer <token>."
      submitLabel="Create token"
      action="token.manage"
      pending={create.isPending}
      error={create.error}
      onSubmit={(form) => {
        const days = String(form.get("days") ?? "");
        create.mutate(
          {
            name: String(form.get("name") ?? ""),
            role: form.get("role") as Role,
            expires_in_days: days ? Number(days) : null,
          },
          { onSuccess: (t) => setShown(t.token) },
        );
      }}
      after={
        shown ? (
          <CopyField
            label="The new token"
            value={shown}
            what="token"
            hint="Shown only now: copy it before leaving this page."
          />
        ) : null
      }
    >
      <TextField label="Name" name="name" required maxLength={64} />
      <RoleField />
      <TextField label="Expires in days" name="days" type="number" min={1} max={3650} defaultValue={90} optional />
    </AccountFormPanel>
  );
}

export function TokensPage() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  return (
    <>
      <PageHeader
        title="Tokens"
        description="API tokens carry a role, an expiry, and can be revoked. Only their hash is stored."
      />
      <div className="space-y-5">
        <NewTokenForm />
        <AccountTable
          caption="API tokens"
          query={tokens}
          columns={["Name", "Role", "Starts with", "Created", "Expires", "Last used", "State"]}
          rowKey={(t) => t.id}
          cells={(t) => {
            const expired = t.expires_at !== null && new Date(t.expires_at) <= new Date();
            return {
              values: [
                t.name,
                t.role,
                <span key="prefix" className="font-mono text-xs">
                  {t.prefix}…
                </span>,
                <span key="created">
                  <DateTime value={t.created_at} /> by {t.created_by}
                </span>,
                t.expires_at ? <DateTime key="expires" value={t.expires_at} /> : "never",
                t.last_used_at ? <DateTime key="used" value={t.last_used_at} /> : "never",
                t.revoked_at ? "revoked" : expired ? "expired" : "active",
              ],
              action: t.revoked_at ? null : (
                <RowDangerButton
                  action="token.manage"
                  label="Revoke"
                  name={t.name}
                  pending={revoke.isPending}
                  onClick={() => revoke.mutate(t.id)}
                />
              ),
            };
          }}
        />
      </div>
    </>
  );
}

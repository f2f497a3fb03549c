"use client";
// API tokens: create one (shown once, with a Copy button), list them, revoke.
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { DateTime } from "@/components/ui/date-time";
import { FormAlert } from "@/components/ui/form-alert";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { SelectField } from "@/components/ui/select-field";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import { TextField } from "@/components/ui/text-field";
import { ROLES } from "@/lib/auth/roles";
import { useCreateToken, useRevokeToken, useTokens } from "@/lib/queries/use-tokens";

function NewTokenForm() {
  const create = useCreateToken();
  const [shown, setShown] = useState<string>();

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const days = String(form.get("days") ?? "");
    create.mutate(
      {
        name: String(form.get("name") ?? ""),
        role: form.get("role") as (typeof ROLES)[number],
        expires_in_days: days ? Number(days) : null,
      },
      { onSuccess: (t) => setShown(t.token) },
    );
  }

  return (
    <Panel title="New token" description="For scripts and CI: send it as Authorization: Bearer <token>.">
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-4 sm:items-end">
        <TextField label="Name" name="name" required maxLength={64} />
        <SelectField label="Role" name="role" defaultValue="viewer">
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </SelectField>
        <TextField label="Expires in days" name="days" type="number" min={1} max={3650} defaultValue={90} optional />
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Create token
        </Button>
      </form>
      {create.error ? (
        <div className="mt-3">
          <FormAlert>{create.error.message}</FormAlert>
        </div>
      ) : null}
      {shown ? (
        <div className="mt-4">
          <CopyField
            label="The new token"
            value={shown}
            what="token"
            hint="Shown only now: copy it before leaving this page."
          />
        </div>
      ) : null}
    </Panel>
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
        {tokens.isPending ? (
          <LoadingState />
        ) : tokens.error ? (
          <ErrorState error={tokens.error} />
        ) : (
          <Table caption="API tokens">
            <THead>
              <Th>Name</Th>
              <Th>Role</Th>
              <Th>Starts with</Th>
              <Th>Created</Th>
              <Th>Expires</Th>
              <Th>Last used</Th>
              <Th>State</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </THead>
            <TBody>
              {tokens.data.map((t) => {
                const expired = t.expires_at !== null && new Date(t.expires_at) <= new Date();
                return (
                  <Tr key={t.id}>
                    <Td className="font-medium">{t.name}</Td>
                    <Td>{t.role}</Td>
                    <Td className="font-mono text-xs">{t.prefix}…</Td>
                    <Td>
                      <DateTime value={t.created_at} /> by {t.created_by}
                    </Td>
                    <Td>{t.expires_at ? <DateTime value={t.expires_at} /> : "never"}</Td>
                    <Td>{t.last_used_at ? <DateTime value={t.last_used_at} /> : "never"}</Td>
                    <Td>{t.revoked_at ? "revoked" : expired ? "expired" : "active"}</Td>
                    <Td>
                      {t.revoked_at ? null : (
                        <Button
                          size="sm"
                          variant="danger"
                          disabled={revoke.isPending}
                          onClick={() => revoke.mutate(t.id)}
                          aria-label={`Revoke ${t.name}`}
                        >
                          Revoke
                        </Button>
                      )}
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        )}
      </div>
    </>
  );
}

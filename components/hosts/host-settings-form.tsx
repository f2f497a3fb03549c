"use client";
// Hostname and role of one host, saved with PATCH; the server's sentence shows under the field.
import { type FormEvent, useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { ApiError } from "@/lib/api-client/api-error";
import type { HostJson } from "@/lib/api-client/hosts";
import type { HostUpdate } from "@/lib/hosts/schemas";
import { useUpdateHost } from "@/lib/queries/use-update-host";
import { inventoryOf } from "./format";

const ROLE_OPTIONS = [
  { value: "auto-assign", label: "Auto-assign" },
  { value: "master", label: "Control plane" },
  { value: "worker", label: "Worker" },
] as const;

export function HostSettingsForm({ host }: { host: HostJson }) {
  const update = useUpdateHost(host);
  const [hostname, setHostname] = useState(host.requested_hostname || inventoryOf(host)?.hostname || "");
  const [role, setRole] = useState(host.role);
  const [saved, setSaved] = useState(false);
  const fieldErrors = update.error instanceof ApiError ? update.error.fieldErrors : {};

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const patch: HostUpdate = {};
    const current = host.requested_hostname || inventoryOf(host)?.hostname || "";
    if (hostname.trim() && hostname.trim() !== current) patch.host_name = hostname.trim();
    if (role !== host.role) patch.host_role = role as HostUpdate["host_role"];
    setSaved(false);
    update.mutate(patch, { onSuccess: () => setSaved(true) });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Hostname"
          value={hostname}
          onChange={(e) => setHostname(e.target.value)}
          error={fieldErrors.host_name?.[0]}
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          error={fieldErrors.host_role?.[0]}
        >
          {ROLE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
      </div>
      {update.error && !fieldErrors.host_name && !fieldErrors.host_role ? (
        <FormAlert title="The host could not be changed">{update.error.message}</FormAlert>
      ) : null}
      <div className="flex items-center gap-3">
        <RoleButton action="host.update" type="submit" variant="primary" size="sm" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </RoleButton>
        {saved && !update.isPending ? (
          <span role="status" className="text-sm text-green-700">
            Saved
          </span>
        ) : null}
      </div>
    </form>
  );
}

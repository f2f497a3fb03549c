"use client";
// Choosing one of the three roles: a labelled field in a form, or a compact select in a table row.
import type { SelectHTMLAttributes } from "react";
import { SelectField } from "@/components/ui/select-field";
import { ROLES } from "@/lib/auth/roles";

const options = ROLES.map((r) => <option key={r}>{r}</option>);

/** The Role field of a create form (named "role", viewer first and by default). */
export function RoleField() {
  return (
    <SelectField label="Role" name="role" defaultValue="viewer">
      {options}
    </SelectField>
  );
}

/** A row's role, changed in place (the caller names it with aria-label). */
export function RoleSelect(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select {...props} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm">
      {options}
    </select>
  );
}

"use client";
// Which IMS public key a job authorizes for SSH into its environment (public_key_id), or none.
import Link from "next/link";
import { SelectField } from "@/components/ui/select-field";
import { summarizeKey } from "@/lib/public-keys/fingerprint";
import { usePublicKeys } from "@/lib/queries/use-public-keys";

// The list's own limit: more keys than this belong in a search, not a select.
const LIMIT = 200;

export function PublicKeyField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  error?: string[];
}) {
  const keys = usePublicKeys({ limit: LIMIT });
  const items = keys.data?.items ?? [];
  const hint = keys.error ? (
    `Could not load the public keys: ${keys.error.message}`
  ) : keys.data && items.length === 0 ? (
    <>
      No public keys yet;{" "}
      <Link href="/public-keys" className="text-sky-700 underline">
        add one
      </Link>{" "}
      to reach the job over SSH.
    </>
  ) : (
    "The key allowed to log in to the job's environment over SSH."
  );
  return (
    <SelectField
      label="Public key"
      optional
      value={value}
      onChange={(e) => onChange(e.target.value)}
      disabled={keys.isPending}
      error={error}
      hint={hint}
    >
      <option value="">{keys.isPending ? "Loading keys…" : "None"}</option>
      {items.map((k) => {
        const { type, comment } = summarizeKey(k.public_key);
        return (
          <option key={k.id} value={k.id}>
            {k.name} ({type}
            {comment ? `, ${comment}` : ""})
          </option>
        );
      })}
    </SelectField>
  );
}

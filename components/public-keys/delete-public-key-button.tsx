"use client";
import { DeleteImsButton } from "@/components/ims/delete-ims-button";
// Delete a public key; the server refuses while running jobs use it, and the dialog lists them.
import type { PublicKeyJson } from "@/lib/api-client/public-keys";
import { useDeletePublicKey } from "@/lib/queries/use-delete-public-key";

export function DeletePublicKeyButton({ publicKey }: { publicKey: PublicKeyJson }) {
  return (
    <DeleteImsButton
      action="public-key.delete"
      id={publicKey.id}
      mutation={useDeletePublicKey()}
      size="sm"
      buttonLabel={`Delete public key ${publicKey.name}`}
      title={`Delete public key ${publicKey.name}?`}
      confirmLabel="Delete public key"
      onDeleted={() => undefined}
    >
      <p>
        Jobs started later can no longer install this key. Jobs already finished are not affected. This cannot be
        undone.
      </p>
    </DeleteImsButton>
  );
}

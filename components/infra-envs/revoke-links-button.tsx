"use client";
// Revoke all links: rotates the infra-env's signing key, so every discovery ISO link issued so far
// (shared, leaked or still in someone's shell history) stops working at once.
import { useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useRegenerateSigningKey } from "@/lib/queries/use-regenerate-signing-key";

export function RevokeLinksButton({ infraEnvId, onRevoked }: { infraEnvId: string; onRevoked: () => void }) {
  const [open, setOpen] = useState(false);
  const revoke = useRegenerateSigningKey(infraEnvId);
  const close = () => {
    setOpen(false);
    revoke.reset();
  };
  return (
    <>
      <RoleButton
        action="infra-env.rotate-key"
        size="sm"
        variant="secondary"
        className="text-red-700"
        onClick={() => setOpen(true)}
      >
        Revoke all links
      </RoleButton>
      <ConfirmDialog
        open={open}
        onClose={close}
        title="Revoke all download links?"
        confirmLabel="Revoke all links"
        pendingLabel="Revoking…"
        pending={revoke.isPending}
        error={revoke.error?.message}
        onConfirm={() =>
          revoke.mutate(undefined, {
            onSuccess: () => {
              close();
              onRevoked();
            },
          })
        }
      >
        <p>
          Every discovery ISO link issued so far stops working, including any you have shared or pasted into a script.
          ISOs already downloaded are not affected.
        </p>
        <p className="mt-2">Generate the ISO again for a new link.</p>
      </ConfirmDialog>
    </>
  );
}

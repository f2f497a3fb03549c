"use client";
// The infra-env page's Discovery ISO panel: Generate (the dialog), Revoke all links, the facts of the
// ISO last generated, and the link currently shown in this browser (until it is revoked).
import { useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { Button } from "@/components/ui/button";
import { ByteSize } from "@/components/ui/byte-size";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { Panel } from "@/components/ui/panel";
import type { InfraEnvJson } from "@/lib/api-client/infra-envs";
import { useImageDigest } from "@/lib/queries/use-image-digest";
import { useImageUrl } from "@/lib/queries/use-image-url";
import { GenerateIsoDialog, type IsoDialogView } from "./generate-iso-dialog";
import { IsoExpiry } from "./iso-expiry";
import { RevokeLinksButton } from "./revoke-links-button";

export function DiscoveryIsoSection({ infraEnv }: { infraEnv: InfraEnvJson }) {
  const link = useImageUrl(infraEnv.id);
  // Here rather than in the dialog, so the digest still arrives after the dialog is closed.
  useImageDigest(infraEnv.id, link.data);
  const [dialog, setDialog] = useState<IsoDialogView | null>(null);
  const [revokedAt, setRevokedAt] = useState<number | null>(null);
  const revokedSinceLink = revokedAt !== null && (!link.data || link.dataUpdatedAt < revokedAt);
  const generated = infraEnv.sha256 !== undefined && infraEnv.size_bytes !== undefined;

  return (
    <Panel
      title="Discovery ISO"
      description="Boot hosts from it to register them with this infra-env."
      actions={
        <>
          <RevokeLinksButton infraEnvId={infraEnv.id} onRevoked={() => setRevokedAt(Date.now())} />
          <RoleButton action="infra-env.iso" size="sm" variant="primary" onClick={() => setDialog("form")}>
            Generate discovery ISO
          </RoleButton>
        </>
      }
    >
      <div className="space-y-4">
        {revokedSinceLink ? (
          <p role="status" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
            All download links issued so far were revoked; they now answer 404. Generate the ISO again for a new link.
          </p>
        ) : link.data ? (
          <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
            <span>
              A download link is ready. <IsoExpiry expiresAt={link.data.expires_at} />.
            </span>
            <Button size="sm" onClick={() => setDialog("result")}>
              Show download link
            </Button>
          </div>
        ) : null}
        {generated ? (
          <div className="space-y-2">
            <h3 className="text-xs font-semibold text-slate-700">Last generated ISO</h3>
            <DescriptionList>
              <DescriptionItem term="OS image version">
                <span className="font-mono text-xs">{infraEnv.os_image_version ?? "—"}</span>
              </DescriptionItem>
              <DescriptionItem term="Size">
                <ByteSize bytes={infraEnv.size_bytes!} />
              </DescriptionItem>
              <DescriptionItem term="sha256" wide>
                <span className="break-all font-mono text-xs">{infraEnv.sha256}</span>
              </DescriptionItem>
            </DescriptionList>
            <p className="text-xs text-slate-500">
              Changing the ISO settings changes its content, and so its size and digest.
            </p>
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            No ISO generated yet. Generate one to get a download link, its size and its sha256.
          </p>
        )}
      </div>
      {dialog ? <GenerateIsoDialog infraEnv={infraEnv} initialView={dialog} onClose={() => setDialog(null)} /> : null}
    </Panel>
  );
}

"use client";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { formatBytes } from "@/components/ui/byte-size";
import { CopyButton } from "@/components/ui/copy-button";
import { Td, Tr } from "@/components/ui/table";
// One artifact of a manifest: type, size (from a HEAD of its link, readable and exact), md5 and
// sha256 to copy, and its download. A stored checksum that differs from the manifest's is flagged.
import type { ManifestArtifact } from "@/lib/api-client/artifacts";
import { isArtifactPath } from "@/lib/api-client/artifacts";
import { useArtifactHead } from "@/lib/queries/use-artifact-head";
import { artifactFileName, artifactTypeLabel } from "./format";

function Digest({ name, value, what }: { name: string; value: string; what: string }) {
  return (
    <div className="flex items-start gap-x-2">
      <span className="w-14 shrink-0 text-xs leading-6 text-slate-500">{name}</span>
      <code className="min-w-0 break-all font-mono text-xs leading-6 text-slate-800">{value}</code>
      <CopyButton value={value} what={what} size="xs" variant="ghost" />
    </div>
  );
}

export function ArtifactRow({ artifact, imageName }: { artifact: ManifestArtifact; imageName: string }) {
  const path = artifact.link.path;
  const { data: head, error } = useArtifactHead(path);
  const label = artifactTypeLabel(artifact.type);
  const mismatch =
    head &&
    ((head.md5 && head.md5 !== artifact.md5) || (head.sha256 && artifact.sha256 && head.sha256 !== artifact.sha256));
  return (
    <Tr>
      <Td className="whitespace-nowrap">
        <span className="font-medium">{label}</span>
        <div className="font-mono text-[11px] text-slate-500">{artifact.type}</div>
      </Td>
      <Td className="whitespace-nowrap tabular-nums">
        {head?.size != null ? (
          <>
            <div>{formatBytes(head.size)}</div>
            <div className="text-xs text-slate-500">{head.size.toLocaleString("en-US")} bytes</div>
          </>
        ) : error || head ? (
          <span className="text-slate-500" title={error?.message ?? "The server did not say"}>
            unknown
          </span>
        ) : (
          <span className="text-slate-400">…</span>
        )}
      </Td>
      <Td className="w-full min-w-80">
        <Digest name="MD5" value={artifact.md5} what={`md5 of the ${label}`} />
        {artifact.sha256 ? <Digest name="SHA-256" value={artifact.sha256} what={`sha256 of the ${label}`} /> : null}
        {mismatch ? <Badge tone="danger">The stored file's checksum differs from the manifest</Badge> : null}
      </Td>
      <Td className="text-right">
        {isArtifactPath(path) ? (
          <a
            href={path}
            download={artifactFileName(imageName, artifact.type)}
            className={buttonClass("secondary", "sm")}
            aria-label={`Download ${label}`}
          >
            Download
          </a>
        ) : null}
      </Td>
    </Tr>
  );
}

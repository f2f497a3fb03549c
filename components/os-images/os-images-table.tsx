// The OS images (live ISOs per version and architecture) of the image table.
import type { OsImageJson } from "@/lib/api-client/os-images";
import { ArchBadge } from "@/components/ui/arch-badge";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { sortRows } from "./sort-rows";

export function OsImagesTable({ rows }: { rows: OsImageJson[] }) {
  return (
    <Table caption="OS images">
      <THead>
        <Th>OpenShift version</Th>
        <Th>CPU architecture</Th>
        <Th>Version</Th>
        <Th>URL</Th>
        <Th>Source</Th>
      </THead>
      <TBody>
        {sortRows(rows).map((r) => (
          <Tr key={`${r.openshift_version}-${r.cpu_architecture}-${r.version}`}>
            <Td className="tabular-nums font-medium">{r.openshift_version}</Td>
            <Td>
              <ArchBadge arch={r.cpu_architecture} />
            </Td>
            <Td className="font-mono text-xs">{r.version}</Td>
            <Td className="max-w-md break-all font-mono text-xs text-slate-600">
              {r.url}
              {r.rootfs_url ? <div className="mt-0.5">rootfs: {r.rootfs_url}</div> : null}
            </Td>
            <Td>
              <Badge tone={r.source === "config" ? "neutral" : "info"}>{r.source}</Badge>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

// The release images (OpenShift payloads per version and architecture) of the image table.

import { ArchBadge } from "@/components/ui/arch-badge";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import type { ReleaseImageJson } from "@/lib/api-client/os-images";
import { sortRows } from "./sort-rows";

export function ReleaseImagesTable({ rows }: { rows: ReleaseImageJson[] }) {
  return (
    <Table caption="Release images">
      <THead>
        <Th title="OpenShift version">Version</Th>
        <Th>CPU architecture</Th>
        <Th>Release</Th>
        <Th>URL</Th>
        <Th>Support level</Th>
        <Th>Default</Th>
      </THead>
      <TBody>
        {sortRows(rows).map((r) => (
          <Tr key={`${r.openshift_version}-${r.cpu_architecture}-${r.version}`}>
            <Td className="tabular-nums font-medium">{r.openshift_version}</Td>
            <Td>
              <ArchBadge arch={r.cpu_architecture} />
              {r.cpu_architectures?.length ? (
                <div className="mt-1 flex flex-wrap gap-1">
                  {r.cpu_architectures.map((a) => (
                    <ArchBadge key={a} arch={a} />
                  ))}
                </div>
              ) : null}
            </Td>
            <Td className="tabular-nums">{r.version}</Td>
            <Td className="min-w-64 max-w-md break-all font-mono text-xs text-slate-600">{r.url}</Td>
            <Td>{r.support_level ?? <span className="text-slate-500">—</span>}</Td>
            <Td>{r.default ? <Badge tone="info">default</Badge> : null}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

// The images list as a table: name (to the image page), architecture, labels, artifacts, created.
import Link from "next/link";
import { ArchBadge } from "@/components/ui/arch-badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import type { ImageJson } from "@/lib/api-client/images";
import { ArtifactCount } from "./artifact-count";
import { LabelBadges } from "./label-badges";

export function ImagesTable({ images }: { images: ImageJson[] }) {
  return (
    <Table caption="Images">
      <THead>
        <Th>Name</Th>
        <Th>CPU architecture</Th>
        <Th>Labels</Th>
        <Th>Artifacts</Th>
        <Th>Created</Th>
      </THead>
      <TBody>
        {images.map((i) => (
          <Tr key={i.id}>
            <Td>
              <Link href={`/images/${i.id}`} className="font-medium text-sky-700 hover:underline">
                {i.name}
              </Link>
            </Td>
            <Td>
              <ArchBadge arch={i.arch} />
            </Td>
            <Td>
              <LabelBadges labels={i.metadata} />
            </Td>
            <Td className="whitespace-nowrap">
              <ArtifactCount image={i} />
            </Td>
            <Td className="text-slate-600">
              <DateTime value={i.created} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

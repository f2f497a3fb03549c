// The recipes list as a table: name (to the recipe page), type, distribution, architecture, DKMS,
// whether the archive is uploaded, and when it was created.
import Link from "next/link";
import { ArchBadge } from "@/components/ui/arch-badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import type { RecipeJson } from "@/lib/api-client/recipes";

export function ArchiveState({ uploaded }: { uploaded: boolean }) {
  return uploaded ? (
    <span className="whitespace-nowrap text-green-700">
      <span aria-hidden="true">✓ </span>Uploaded
    </span>
  ) : (
    <span className="text-slate-400">
      <span aria-hidden="true">—</span>
      <span className="sr-only">Not uploaded</span>
    </span>
  );
}

export function RecipesTable({ recipes }: { recipes: RecipeJson[] }) {
  return (
    <Table caption="Recipes">
      <THead>
        <Th>Name</Th>
        <Th>Type</Th>
        <Th>Linux distribution</Th>
        <Th>CPU architecture</Th>
        <Th>DKMS</Th>
        <Th>Archive</Th>
        <Th>Created</Th>
      </THead>
      <TBody>
        {recipes.map((r) => (
          <Tr key={r.id}>
            <Td>
              <Link href={`/recipes/${r.id}`} className="font-medium text-sky-700 hover:underline">
                {r.name}
              </Link>
            </Td>
            <Td className="font-mono text-xs leading-5">{r.recipe_type}</Td>
            <Td className="font-mono text-xs leading-5">{r.linux_distribution}</Td>
            <Td>
              <ArchBadge arch={r.arch} />
            </Td>
            <Td>{r.require_dkms ? "Required" : <span className="text-slate-500">No</span>}</Td>
            <Td>
              <ArchiveState uploaded={r.link !== null} />
            </Td>
            <Td className="text-slate-600">
              <DateTime value={r.created} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

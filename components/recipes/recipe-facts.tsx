// A recipe's facts: architecture (and what it means for builds), type, distribution, DKMS,
// template variables, and the archive with its download.

import { ArchBadge } from "@/components/ui/arch-badge";
import { buttonClass } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { Panel } from "@/components/ui/panel";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import { type RecipeJson, recipeArchiveHref } from "@/lib/api-client/recipes";
import { archDisplayName, parseArch } from "@/lib/arch";
import { UploadArchiveButton } from "./upload-archive-button";

export function RecipeFacts({ recipe }: { recipe: RecipeJson }) {
  const arch = parseArch(recipe.arch);
  return (
    <Panel title="Details">
      <DescriptionList>
        <DescriptionItem term="CPU architecture">
          <ArchBadge arch={recipe.arch} />
          <p className="mt-1 text-xs text-slate-500">
            Images built from this recipe are {arch ? archDisplayName(arch) : recipe.arch}; build jobs run natively on
            such hosts, or under QEMU emulation elsewhere.
          </p>
        </DescriptionItem>
        <DescriptionItem term="Recipe type">
          <span className="font-mono">{recipe.recipe_type}</span>
        </DescriptionItem>
        <DescriptionItem term="Linux distribution">
          <span className="font-mono">{recipe.linux_distribution}</span>
        </DescriptionItem>
        <DescriptionItem term="DKMS">{recipe.require_dkms ? "Required" : "Not required"}</DescriptionItem>
        <DescriptionItem term="Archive" wide>
          {recipe.link ? (
            <div className="flex flex-wrap items-center gap-3">
              <code className="break-all font-mono text-xs text-slate-700">{recipe.link.path}</code>
              <a
                href={recipeArchiveHref(recipe.id)}
                download
                className={buttonClass("secondary", "sm")}
                aria-label={`Download the archive of ${recipe.name}`}
              >
                Download
              </a>
            </div>
          ) : (
            <div className="flex flex-wrap items-center gap-3">
              <span className="text-slate-500">No archive uploaded; jobs cannot build from this recipe yet.</span>
              <UploadArchiveButton recipe={recipe} />
            </div>
          )}
          {recipe.link?.etag ? <p className="mt-1 text-xs text-slate-500">md5 {recipe.link.etag}</p> : null}
        </DescriptionItem>
        <DescriptionItem term="Template variables" wide>
          {recipe.template_dictionary.length ? (
            <div className="max-w-2xl">
              <Table caption="Template variables">
                <THead>
                  <Th verbatim>Key</Th>
                  <Th verbatim>Value</Th>
                </THead>
                <TBody>
                  {recipe.template_dictionary.map((v) => (
                    <Tr key={v.key}>
                      <Td className="font-mono text-xs">{v.key}</Td>
                      <Td className="break-all font-mono text-xs">
                        {v.value || <span className="text-slate-400">(empty)</span>}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </div>
          ) : (
            <span className="text-slate-500">None</span>
          )}
        </DescriptionItem>
        <DescriptionItem term="Created">
          <DateTime value={recipe.created} />
        </DescriptionItem>
        <DescriptionItem term="ID">
          <code className="font-mono text-xs">{recipe.id}</code>
        </DescriptionItem>
      </DescriptionList>
    </Panel>
  );
}

// A stored recipe as the IMS API shows it (architecture in kernel spelling: aarch64).
import { parseArch, toImsArch } from "@/lib/arch";
import type { Recipe } from "@/lib/db";
import { linkOf } from "@/lib/ims/common";

export function serializeRecipe(r: Recipe) {
  return {
    id: r.id,
    name: r.name,
    recipe_type: r.recipeType,
    linux_distribution: r.linuxDistribution,
    arch: toImsArch(parseArch(r.arch) ?? "x86_64"),
    require_dkms: r.requireDkms,
    template_dictionary: (r.templateDictionary as { key: string; value: string }[] | null) ?? [],
    link: linkOf(r),
    created: r.createdAt.toISOString(),
  };
}

export type RecipeJson = ReturnType<typeof serializeRecipe>;

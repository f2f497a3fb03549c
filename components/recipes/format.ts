// Words for recipe types and what each one's archive must contain (the upload checks these).
import type { RECIPE_TYPES } from "@/lib/recipes/schemas";

export type RecipeType = (typeof RECIPE_TYPES)[number];

export const RECIPE_TYPE_NOTES: Record<RecipeType, string> = {
  "kiwi-ng": "A kiwi-ng image description: config.xml at the archive root or in its one top-level directory.",
  packer: "A Packer template and the files it uses.",
  rootfs: "A root filesystem script: an executable build.sh at the archive root.",
};

// The per-type content rules, run on what the streaming pass indexed: a kiwi-ng description whose
// config.xml parses and fits the recipe's architecture, a rootfs recipe's build.sh, and IMS templating.
import type { Arch } from "@/lib/arch";
import type { ArchiveIndex } from "./archive-index";
import { normalizeEntryPath } from "./entry-path";
import { RecipeArchiveError } from "./errors";
import { archContradiction } from "./kiwi-arch";
import { parseKiwiConfig } from "./kiwi-config";
import { parseTemplateList } from "./template-list";

export const KIWI_CONFIG = "config.xml";
export const TEMPLATE_LIST = ".ims_recipe_template.yaml";

/** The directory ("" or "name/") holding config.xml: the archive root, or its one top-level directory. */
export function kiwiRoot(index: ArchiveIndex): string {
  if (index.entries.has(KIWI_CONFIG)) return "";
  const [only, ...others] = index.topLevel;
  if (only !== undefined && others.length === 0 && index.entries.has(`${only}/${KIWI_CONFIG}`)) return `${only}/`;
  throw new RecipeArchiveError(
    `a kiwi-ng recipe needs ${KIWI_CONFIG} at the archive root or in its one top-level directory`,
  );
}

export function checkKiwi(index: ArchiveIndex, root: string, arch: Arch) {
  const path = root + KIWI_CONFIG;
  const text = index.entries.get(path)?.kind === "file" ? index.texts.get(path) : undefined;
  const name = index.nameOf(path);
  if (text === undefined) throw new RecipeArchiveError("must be a regular file", name);
  const contradiction = archContradiction(parseKiwiConfig(text, name), arch);
  if (contradiction) throw new RecipeArchiveError(contradiction, name);
}

export function checkRootfs(index: ArchiveIndex) {
  const script = index.entries.get("build.sh");
  if (!script) throw new RecipeArchiveError("a rootfs recipe needs an executable build.sh at the archive root");
  // A hard link is the same file as its target, whose header carries the mode.
  const file = script.kind === "hardlink" ? index.entries.get(script.target!) : script;
  if (file?.kind !== "file") throw new RecipeArchiveError("must be a regular file", script.name);
  if ((file.mode & 0o111) === 0)
    throw new RecipeArchiveError(`is not executable (mode ${file.mode.toString(8).padStart(4, "0")})`, script.name);
}

/** Errors for listed files that are missing; warnings for variables the dictionary lacks. */
export function checkTemplates(index: ArchiveIndex, root: string, dictionary: { key: string }[]): string[] {
  const listPath = root + TEMPLATE_LIST;
  const keys = new Set(dictionary.map((d) => d.key));
  if (!index.entries.has(listPath)) {
    return keys.size > 0
      ? [`The template_dictionary has values, but the archive has no ${listPath}, so nothing will be templated`]
      : [];
  }
  const text = index.entries.get(listPath)?.kind === "file" ? index.texts.get(listPath) : undefined;
  const listName = index.nameOf(listPath);
  if (text === undefined) throw new RecipeArchiveError("must be a regular file", listName);
  const list = parseTemplateList(text);
  if ("problem" in list) {
    if (/no template_files key/.test(list.problem)) return [`${listName}: ${list.problem}`];
    throw new RecipeArchiveError(list.problem, listName);
  }
  const warnings: string[] = [];
  if (list.files.length > 0 && keys.size === 0) {
    warnings.push(
      `${listName} lists files to template, but the template_dictionary is empty (IMS refuses to build such a recipe)`,
    );
  }
  for (const listed of list.files) {
    const checked = normalizeEntryPath(listed);
    if ("unsafe" in checked)
      throw new RecipeArchiveError(
        `lists the template file "${listed}", which is outside the recipe (${checked.unsafe})`,
        listName,
      );
    const file = index.regularFile(root + checked.path);
    if (file === undefined)
      throw new RecipeArchiveError(`lists the template file "${listed}", which is not a file in the archive`, listName);
    for (const name of index.templateVars.get(file) ?? []) {
      if (!keys.has(name))
        warnings.push(`${index.nameOf(file)}: template variable "${name}" is not in the recipe's template_dictionary`);
    }
  }
  return warnings;
}

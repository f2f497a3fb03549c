// Finds what in a kiwi-ng description contradicts the recipe's architecture: `arch=` attributes
// (packages, repositories, preferences, ...) and firmware/bootloader settings only some
// architectures have.
import { type Arch, archDisplayName, parseArch } from "@/lib/arch";
import type { XmlElement } from "./kiwi-config";

/** kiwi's own table (Defaults.get_firmware_types), by canonical architecture. */
const FIRMWARE: Record<string, Arch[]> = {
  bios: ["x86_64"],
  ec2: ["x86_64"],
  ec2hvm: ["x86_64"],
  efi: ["x86_64", "aarch64"],
  uefi: ["x86_64", "aarch64"],
  ofw: ["ppc64le"],
  opal: ["ppc64le"],
};
const BOOTLOADER: Record<string, Arch[]> = { zipl: ["s390x"], grub2_s390x_emu: ["s390x"] };

type Hit = { element: XmlElement; needs: string[] };

/**
 * null when nothing contradicts `arch`, else a sentence naming the first offending element.
 *
 * An `arch=` attribute is kiwi's "only on these architectures" condition, so a description that also
 * names the recipe's architecture in one is multi-arch, and its conditions for other architectures are
 * expected. Only a description whose every condition is for other architectures is refused. Firmware
 * and bootloader settings are unconditional unless their section is (`arch=` or `profiles=`).
 */
export function archContradiction(root: XmlElement, arch: Arch): string | null {
  const conditions: Hit[] = [];
  const settings: Hit[] = [];
  let namesRecipeArch = false;

  const visit = (el: XmlElement, conditional: boolean) => {
    const listed = (el.attrs.arch ?? "").split(/[\s,]+/).filter(Boolean);
    const known = listed.map(parseArch).filter((a): a is Arch => a !== null && a !== "multi");
    if (known.includes(arch)) namesRecipeArch = true;
    else if (known.length > 0) conditions.push({ element: el, needs: known });

    if (!conditional) {
      const firmware = el.tag === "type" ? FIRMWARE[(el.attrs.firmware ?? "").toLowerCase()] : undefined;
      if (firmware && !firmware.includes(arch)) settings.push({ element: el, needs: firmware });
      const loaderName = el.tag === "type" ? el.attrs.bootloader : el.tag === "bootloader" ? el.attrs.name : undefined;
      const loader = BOOTLOADER[(loaderName ?? "").toLowerCase()];
      if (loader && !loader.includes(arch)) settings.push({ element: el, needs: loader });
    }
    const inner = conditional || "arch" in el.attrs || "profiles" in el.attrs;
    for (const child of el.children) visit(child, inner);
  };
  visit(root, false);

  const hits = settings.length > 0 ? settings : namesRecipeArch ? [] : conditions;
  if (hits.length === 0) return null;
  const [first] = hits;
  const more = hits.length > 1 ? ` (and ${hits.length - 1} more element${hits.length > 2 ? "s" : ""})` : "";
  return `${describeElement(first.element)} is for ${first.needs.join(" or ")} only, but the recipe is for ${archDisplayName(arch)}${more}`;
}

function describeElement(el: XmlElement): string {
  const shown = ["name", "alias", "image", "firmware", "bootloader", "arch"].filter((k) => k in el.attrs);
  return `<${el.tag}${shown.map((k) => ` ${k}="${el.attrs[k]}"`).join("")}>`;
}

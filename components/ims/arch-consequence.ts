// What an architecture change means, in words, for the confirmation dialogs (seed 000: jobs take
// their architecture from the recipe or base image; records already made keep theirs).
import { type Arch, archDisplayName, toImsArch } from "@/lib/arch";

/** "aarch64 (Arm64)"; plain "x86_64" where the display name adds nothing. */
function named(arch: Arch): string {
  const short = archDisplayName(arch).replace(/\s*\([^)]*\)$/, "");
  const ims = toImsArch(arch);
  return short === ims ? ims : `${ims} (${short})`;
}

export function recipeArchConsequence(arch: Arch): string {
  const ims = toImsArch(arch);
  const short = named(arch).slice(ims.length); // " (Arm64)" or ""
  return `Jobs started from this recipe after this change will build ${ims} images${short}, natively on ${ims} hosts or under QEMU emulation elsewhere. Existing images keep their architecture.`;
}

export function imageArchConsequence(arch: Arch): string {
  const ims = toImsArch(arch);
  return `Customize jobs started from this image after this change will run as ${named(arch)}, natively on ${ims} hosts or under QEMU emulation elsewhere, and the images they produce will be ${ims}. The image's artifacts are not changed.`;
}

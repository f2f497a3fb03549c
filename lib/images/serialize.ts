// A stored image as the IMS API shows it.
import { parseArch, toImsArch } from "@/lib/arch";
import type { Image } from "@/lib/db";
import { linkOf } from "@/lib/ims/common";

export function serializeImage(i: Image) {
  return {
    id: i.id,
    name: i.name,
    arch: toImsArch(parseArch(i.arch) ?? "x86_64"),
    link: linkOf(i),
    metadata: (i.labels as Record<string, string> | null) ?? {},
    created: i.createdAt.toISOString(),
  };
}

export type ImageJson = ReturnType<typeof serializeImage>;

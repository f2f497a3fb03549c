// Words for an image's artifacts (the Cray media types of manifest.json).
import { roleOf } from "@/lib/images/manifest";

const ROLE_LABELS = { rootfs: "Root filesystem (squashfs)", kernel: "Kernel", initrd: "initrd" } as const;

export function artifactTypeLabel(type: string): string {
  const role = roleOf(type);
  return role ? ROLE_LABELS[role] : type;
}

/** A file name for the download: image name and role ("compute.rootfs.squashfs"). */
export function artifactFileName(imageName: string, type: string): string {
  const role = roleOf(type);
  const base = imageName.replace(/[^\w.-]+/g, "_");
  return role === "rootfs" ? `${base}.rootfs.squashfs` : role ? `${base}.${role}` : base;
}

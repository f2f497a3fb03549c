// GET/HEAD /rootfs/{version}/{arch}/rootfs.img – the live rootfs hosts booted from a minimal
// discovery ISO fetch (coreos.live.rootfs_url). It holds no secrets, so no token.
import "server-only";
import { stat } from "node:fs/promises";
import { z } from "zod";
import { type Arch, isArch, parseArch } from "@/lib/arch";
import { readyBaseImage } from "@/lib/base-images/service";
import { osImageRowFor } from "@/lib/catalog/queries";
import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { streamFile } from "@/lib/http/stream-file";

const params = z.object({
  version: z.string(),
  arch: z.string(),
  file: z.literal("rootfs.img", "No such file"),
});

export const serveRootfs = route({ access: "public", params }, async ({ req, params }) => {
  const arch = parseArch(params.arch);
  const row = arch && isArch(arch) ? await osImageRowFor(params.version, arch as Arch) : null;
  const base = row ? await readyBaseImage(row.url) : null;
  if (!base?.rootfsPath) throw notFound(`No live rootfs for ${params.arch} at OpenShift ${params.version}`);
  const st = await stat(base.rootfsPath);
  return streamFile(req, {
    file: base.rootfsPath,
    size: st.size,
    etag: `"${base.sha256?.slice(0, 32)}-rootfs"`,
    // From the row, not the file: every replica answers the same for the same bytes.
    lastModified: base.fetchedAt ?? st.mtime,
    filename: "rootfs.img",
    contentType: "application/octet-stream",
    cacheControl: "public, max-age=3600",
  });
});

// GET/HEAD /iso/{token}/{version}/{arch}/{full|minimal}.iso – the discovery ISO, streamed from the
// cached base file with the infra-env's config patched in (no per-request copy).
import "server-only";
import { z } from "zod";
import { agentServiceUrl } from "@/lib/http/origin";
import { route } from "@/lib/http/route";
import { streamFile } from "@/lib/http/stream-file";
import { resolveDownload } from "@/lib/infra-envs/downloads";

const params = z.object({ token: z.string(), version: z.string(), arch: z.string(), file: z.string() });

export const serveDiscoveryIso = route({ access: "public", params }, async ({ req, params: p }) => {
  const image = await resolveDownload(p.token, p.version, p.arch, p.file, agentServiceUrl(req));
  // It carries credentials (agent token, pull secret): no shared caches.
  return streamFile(req, { ...image, contentType: "application/x-iso9660-image", cacheControl: "private, no-store" });
});

// GET /api/assisted-install/v2/infra-envs/{id}/downloads/files?file_name=discovery.ign – the
// Ignition config the discovery ISO embeds (as assisted-service offers it, for inspection)
import { z } from "zod";
import { attachmentHeaders } from "@/lib/http/attachment";
import { agentServiceUrl } from "@/lib/http/origin";
import { idParam } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { discoveryConfig, withSecrets } from "@/lib/infra-envs/discovery-iso";
import { getInfraEnv } from "@/lib/infra-envs/service";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    access: "operator",
    audit: "ignition.read",
    params: idParam("infra_env_id"),
    query: z.object({ file_name: z.enum(["discovery.ign"], "Supported files: discovery.ign") }).strict(),
  },
  async ({ req, params }) => {
    const infraEnv = await getInfraEnv(params.infra_env_id);
    const config = discoveryConfig(await withSecrets(infraEnv), agentServiceUrl(req));
    return new Response(JSON.stringify(config), {
      // It carries the agent token and pull secret: a file, never cached.
      headers: {
        ...attachmentHeaders("discovery.ign", "application/vnd.coreos.ignition+json"),
        "Cache-Control": "private, no-store",
      },
    });
  },
);

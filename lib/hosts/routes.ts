// The agent API's hot routes and the hosts list, shared by their app/ route files (for `next dev`
// and route tests) and the Node server, which answers them itself (lib/downloads/node-routes.ts):
// a thousand hosts poll these, and Next's routing alone cost a poll's whole CPU budget.
import "server-only";
import { pageTextResponse } from "@/lib/http/paged";
import { idParam } from "@/lib/http/params";
import { created, noContent, route } from "@/lib/http/route";
import { nextInstructions, postStepReply, registerHost } from "./agent";
import { authenticateAgent } from "./agent-auth";
import { hostListJson } from "./list-json";
import { hostCreateSchema, hostIdParams, hostListQuerySchema, stepReplySchema } from "./schemas";
import { serializeHost } from "./serialize";

const infraEnvParams = idParam("infra_env_id");
const agent = (req: Request, p: { infra_env_id: string }) => authenticateAgent(req, p.infra_env_id);

/** GET .../infra-envs/{infra_env_id}/hosts: the infra-env's hosts (limit/offset, all without limit; status=a,b). */
export const listHostsRoute = route(
  { access: "viewer", params: infraEnvParams, query: hostListQuerySchema },
  async ({ params, query }) => {
    const { json, total } = await hostListJson(params.infra_env_id, query);
    return pageTextResponse(json, total);
  },
);

/** POST .../infra-envs/{infra_env_id}/hosts: the discovery agent registers its host. */
export const registerHostRoute = route(
  {
    access: "public",
    params: infraEnvParams,
    body: hostCreateSchema,
    auth: (req, p) => authenticateAgent(req, p.infra_env_id),
  },
  async ({ req, body, auth }) =>
    created(serializeHost(await registerHost(auth, body, new Date(), req.headers.get("x-request-id") ?? undefined))),
);

/** GET .../hosts/{host_id}/instructions: the agent's next steps (its check-in). */
export const instructionsRoute = route(
  { access: "public", params: hostIdParams, auth: agent },
  async ({ params, auth }) => nextInstructions(auth, params.host_id),
);

/** POST .../hosts/{host_id}/instructions: a step reply (an inventory step carries the inventory JSON as text). */
export const stepReplyRoute = route(
  { access: "public", params: hostIdParams, body: stepReplySchema, auth: agent },
  async ({ params, body, auth }) => {
    await postStepReply(auth, params.host_id, body);
    return noContent();
  },
);

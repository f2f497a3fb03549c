// The routes the Node server answers itself (scripts/server.mjs), installed at start-up: downloads,
// the agent API's polls, the assisted lists (clients ask for every row: megabytes of JSON), live
// job logs, and creating an infra-env and its ISO link.
// Paths mirror the app/ route files, which stay for `next dev` and route tests.
import "server-only";
import { listClustersRoute } from "@/lib/clusters/routes";
import { listEventsRoute } from "@/lib/events/routes";
import { instructionsRoute, listHostsRoute, registerHostRoute, stepReplyRoute } from "@/lib/hosts/routes";
import { nodeDownloads } from "@/lib/http/node-downloads";
import { createInfraEnvRoute, imageUrlRoute, listInfraEnvsRoute } from "@/lib/infra-envs/routes";
import { jobLogRoute } from "@/lib/jobs/log-route";
import { serveArtifact } from "./artifact";
import { serveDiscoveryIso } from "./discovery-iso";
import { serveRecipeArchive } from "./recipe-archive";
import { serveRootfs } from "./rootfs";

export const DOWNLOAD_ROUTES = [
  { path: "/iso/:token/:version/:arch/:file", handler: serveDiscoveryIso },
  { path: "/rootfs/:version/:arch/:file", handler: serveRootfs },
  { path: "/apis/ims/v3/artifacts/:artifact_id", handler: serveArtifact },
  { path: "/apis/ims/v3/recipes/:recipe_id/archive", handler: serveRecipeArchive },
];

const A = "/api/assisted-install/v2";
const HOSTS = `${A}/infra-envs/:infra_env_id/hosts`;

export const AGENT_ROUTES = [
  { path: HOSTS, handler: listHostsRoute },
  { path: HOSTS, handler: registerHostRoute, method: "POST" as const },
  { path: `${HOSTS}/:host_id/instructions`, handler: instructionsRoute },
  { path: `${HOSTS}/:host_id/instructions`, handler: stepReplyRoute, method: "POST" as const },
];

export const LIST_ROUTES = [
  { path: `${A}/clusters`, handler: listClustersRoute },
  { path: `${A}/infra-envs`, handler: listInfraEnvsRoute },
  { path: `${A}/events`, handler: listEventsRoute },
  // Live job logs (SSE): a hundred viewers of one job connect and stream at once.
  { path: "/apis/ims/v3/jobs/:job_id/logs", handler: jobLogRoute },
];

// What a script runs to get an ISO link: create an infra-env, ask for its image URL (goal: p99 < 50 ms).
export const LINK_ROUTES = [
  { path: `${A}/infra-envs`, handler: createInfraEnvRoute, method: "POST" as const },
  { path: `${A}/infra-envs/:infra_env_id/downloads/image-url`, handler: imageUrlRoute },
];

// scripts/server.mjs looks it up here: it cannot import TypeScript, and Next bundles this module.
const KEY = Symbol.for("archway.nodeDownloads");

export function installNodeDownloads(): void {
  (globalThis as Record<symbol, unknown>)[KEY] = nodeDownloads([
    ...DOWNLOAD_ROUTES,
    ...AGENT_ROUTES,
    ...LIST_ROUTES,
    ...LINK_ROUTES,
  ]);
}

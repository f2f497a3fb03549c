// What each console control does, named by the API route it calls, and the role that route declares.
// The browser gates its buttons with this table; lib/auth/actions.test.ts loads every route named here
// and fails when the role written below differs from the route's `access:`, so the server stays the truth.
import type { Role } from "./roles";

const A = "/api/assisted-install/v2";
const I = "/apis/ims/v3";

export const ACTIONS = {
  "cluster.create": { route: `POST ${A}/clusters`, needs: "operator" },
  "cluster.update": { route: `PATCH ${A}/clusters/[cluster_id]`, needs: "operator" },
  "cluster.delete": { route: `DELETE ${A}/clusters/[cluster_id]`, needs: "operator" },
  "infra-env.create": { route: `POST ${A}/infra-envs`, needs: "operator" },
  "infra-env.delete": { route: `DELETE ${A}/infra-envs/[infra_env_id]`, needs: "operator" },
  // Generating the ISO saves its settings (PATCH) and then asks for the link (image-url): both operator.
  "infra-env.iso": { route: `GET ${A}/infra-envs/[infra_env_id]/downloads/image-url`, needs: "operator" },
  "infra-env.rotate-key": { route: `POST ${A}/infra-envs/[infra_env_id]/regenerate-signing-key`, needs: "admin" },
  "host.update": { route: `PATCH ${A}/infra-envs/[infra_env_id]/hosts/[host_id]`, needs: "operator" },
  "os-image.fetch": { route: `POST ${A}/os-images/[os_image_id]/fetch`, needs: "admin" },
  "recipe.create": { route: `POST ${I}/recipes`, needs: "operator" },
  "recipe.update": { route: `PATCH ${I}/recipes/[recipe_id]`, needs: "operator" },
  "recipe.upload": { route: `PUT ${I}/recipes/[recipe_id]/archive`, needs: "operator" },
  "recipe.delete": { route: `DELETE ${I}/recipes/[recipe_id]`, needs: "operator" },
  "image.update": { route: `PATCH ${I}/images/[image_id]`, needs: "operator" },
  "image.delete": { route: `DELETE ${I}/images/[image_id]`, needs: "operator" },
  "job.create": { route: `POST ${I}/jobs`, needs: "operator" },
  "job.cancel": { route: `POST ${I}/jobs/[job_id]/cancel`, needs: "operator" },
  "job.retry": { route: `POST ${I}/jobs/[job_id]/retry`, needs: "operator" },
  "job.delete": { route: `DELETE ${I}/jobs/[job_id]`, needs: "operator" },
  "public-key.create": { route: `POST ${I}/public-keys`, needs: "operator" },
  "public-key.delete": { route: `DELETE ${I}/public-keys/[public_key_id]`, needs: "operator" },
  "user.manage": { route: "POST /api/v1/users", needs: "admin" },
  "token.manage": { route: "POST /api/v1/tokens", needs: "admin" },
  "audit.read": { route: "GET /api/v1/audit", needs: "admin" },
} as const satisfies Record<string, { route: string; needs: Role }>;

export type Action = keyof typeof ACTIONS;

/** The weakest role that may take `action`. */
export function roleFor(action: Action): Role {
  return ACTIONS[action].needs;
}

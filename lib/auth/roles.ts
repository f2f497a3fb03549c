// The three roles, weakest first, and the one comparison every check uses (server and browser).
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route: anyone ("public": signed links, the agent API, health) or a signed-in role or better. */
export type Access = "public" | Role;

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "reads everything except secrets",
  operator: "also creates, changes and deletes clusters, infra-envs, hosts, keys, recipes, images and jobs",
  admin: "also manages users, tokens, the OS image table, signing keys and reads the audit log",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** True when `role` is `needed` or stronger. */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** The sentence the UI shows beside a control the role cannot use. */
export function needsRoleReason(needed: Role): string {
  return `Requires the ${needed} role`;
}

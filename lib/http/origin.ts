// The console's externally visible origin: ARCHWAY_PUBLIC_URL, else what the request came in on.
// The origin ends up in ISO links, in the agent's service URL and in the systemd unit of every
// discovery ISO, so it is built only from a Host that is one of the console's names
// (ARCHWAY_ALLOWED_HOSTS) and from X-Forwarded-* only when a trusted proxy sent them.
// scripts/server.mjs already refuses other requests; this holds for handlers called any other way.
import "server-only";
import { env } from "@/lib/env";
import { HttpError } from "./errors";
import { checkRequest, type GuardConfig, guardConfig, PEER_HEADER, requestedOrigin } from "./request-guard.mjs";

let cached: { key: string; config: GuardConfig } | undefined;

/** The host policy of the current environment (rebuilt when the variables change, as in tests). */
export function hostPolicy(): GuardConfig {
  const e = env();
  const vars = {
    ARCHWAY_ALLOWED_HOSTS: e.ARCHWAY_ALLOWED_HOSTS,
    ARCHWAY_TRUSTED_PROXIES: e.ARCHWAY_TRUSTED_PROXIES,
    ARCHWAY_PUBLIC_URL: e.ARCHWAY_PUBLIC_URL,
    ARCHWAY_AGENT_URL: e.ARCHWAY_AGENT_URL,
  };
  const key = JSON.stringify(vars);
  if (cached?.key !== key) cached = { key, config: guardConfig(vars) };
  return cached.config;
}

/**
 * Where booted hosts reach the console: what the discovery Ignition (agent config, systemd unit) and
 * the minimal ISO's rootfs URL name. Hosts often sit on another network than browsers, hence
 * ARCHWAY_AGENT_URL; fixed per console, it also keeps an ISO's bytes (and sha256) the same whoever
 * downloads it.
 */
export function agentServiceUrl(req: Request): string {
  const configured = env().ARCHWAY_AGENT_URL;
  return configured ? configured.replace(/\/+$/, "") : publicOrigin(req);
}

export function publicOrigin(req: Request): string {
  const configured = env().ARCHWAY_PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const config = hostPolicy();
  const headers = Object.fromEntries(req.headers);
  headers.host ??= new URL(req.url).host;
  const peer = req.headers.get(PEER_HEADER);
  // Only the Host checks apply here: a GET that issues a link is as bound by them as a write.
  const problem = checkRequest(config, { method: "GET", headers, peer });
  if (problem) throw new HttpError(problem.status, problem.detail, problem.errors);
  const { proto, host } = requestedOrigin(config, headers, { peer });
  return `${proto}://${host}`;
}

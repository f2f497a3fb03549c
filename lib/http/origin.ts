// The console's externally visible origin: ARCHWAY_PUBLIC_URL, else what the request came in on
// (honouring a reverse proxy's X-Forwarded-* headers). The origin ends up in ISO links, in the
// agent's service URL and in the systemd unit of every discovery ISO, so a Host header that is not
// a plain host[:port] is refused rather than passed on.
import "server-only";
import { env } from "@/lib/env";
import { HttpError } from "./errors";

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

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
  const url = new URL(req.url);
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? url.protocol.replace(":", "");
  const host = req.headers.get("x-forwarded-host")?.split(",")[0].trim() ?? req.headers.get("host") ?? url.host;
  if (proto !== "http" && proto !== "https")
    throw new HttpError(400, `X-Forwarded-Proto must be http or https`, {
      "headers.X-Forwarded-Proto": ["Not http or https"],
    });
  if (!HOST.test(host) || Number(host.match(/:(\d+)$/)?.[1] ?? 0) > 65535)
    throw new HttpError(
      400,
      "The Host (or X-Forwarded-Host) header is not a host name or address with an optional port",
      {
        "headers.Host": ["Not a host[:port]"],
      },
    );
  return `${proto}://${host.toLowerCase()}`;
}

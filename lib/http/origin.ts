// The console's externally visible origin: ARCHWAY_PUBLIC_URL, else what the request came in on
// (honouring a reverse proxy's X-Forwarded-* headers).
import "server-only";
import { env } from "@/lib/env";

export function publicOrigin(req: Request): string {
  const configured = env().ARCHWAY_PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const url = new URL(req.url);
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? url.protocol.replace(":", "");
  const host = req.headers.get("x-forwarded-host")?.split(",")[0].trim() ?? req.headers.get("host") ?? url.host;
  return `${proto}://${host}`;
}

// Which requests the console answers at all, checked for every request by scripts/server.mjs before
// Next sees it (plain JavaScript so that server can import it; lib/http/origin.ts uses it too):
// - the Host (or a trusted proxy's X-Forwarded-Host) must be one of the console's own names, so a
//   forged Host never reaches an ISO link or the agent's unit, and DNS rebinding gets nowhere;
// - X-Forwarded-* count only from ARCHWAY_TRUSTED_PROXIES (the peer address is what decides);
// - a write (POST, PUT, PATCH, DELETE) from a browser must come from the console's own origin.
// It also says which security headers every response carries (securityHeaders).
import net from "node:net";
import os from "node:os";

/** Set by scripts/server.mjs to the connection's peer address (any copy a client sent is dropped). */
export const PEER_HEADER = "x-archway-peer";
export const FORWARDED_HEADERS = [
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-forwarded-for",
  "forwarded",
];

const HOST_SYNTAX =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** True for `name[:port]`, `1.2.3.4[:port]` or `[v6][:port]` with a port up to 65535. */
export function isHostSyntax(host) {
  return HOST_SYNTAX.test(host) && Number(host.match(/:(\d+)$/)?.[1] ?? 0) <= 65535;
}

/** The name part of a Host value, lower case, without port, brackets or a trailing dot. */
export function hostName(host) {
  const h = host.trim().toLowerCase();
  // "[v6]:port", a bare "v6" (more than one colon, as in ARCHWAY_ALLOWED_HOSTS), or "name:port".
  const name = h.startsWith("[") ? h.slice(1, h.indexOf("]")) : h.split(":").length > 2 ? h : h.replace(/:\d+$/, "");
  return name.replace(/\.$/, "");
}

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
export function peerAddress(addr) {
  const a = String(addr ?? "");
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a;
}

const list = (v) =>
  String(v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

function urlHost(v) {
  if (!v) return null;
  try {
    return hostName(new URL(v).host);
  } catch {
    return null;
  }
}

/** localhost, the loopback addresses, this machine's name and every address of its interfaces. */
export function machineHosts() {
  const names = ["localhost", "127.0.0.1", "::1", os.hostname().toLowerCase()];
  for (const addrs of Object.values(os.networkInterfaces()))
    for (const a of addrs ?? []) names.push(a.address.toLowerCase().replace(/%.*$/, ""));
  return names;
}

function trustedList(entries) {
  const blocks = new net.BlockList();
  for (const entry of entries) {
    const [addr, bits, extra] = entry.split("/");
    const type = net.isIPv4(addr) ? "ipv4" : net.isIPv6(addr) ? "ipv6" : null;
    const max = type === "ipv4" ? 32 : 128;
    if (!type || extra !== undefined || (bits !== undefined && !/^\d+$/.test(bits)) || Number(bits ?? max) > max)
      throw new Error(
        `ARCHWAY_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR block (e.g. 10.0.0.5, 10.0.0.0/24)`,
      );
    if (bits === undefined) blocks.addAddress(addr, type);
    else blocks.addSubnet(addr, Number(bits), type);
  }
  return blocks;
}

/**
 * The policy from the environment. ARCHWAY_ALLOWED_HOSTS replaces the machine's own names when set
 * ("*" allows any Host, "*.example.com" any name under it); the hosts of ARCHWAY_PUBLIC_URL and
 * ARCHWAY_AGENT_URL are always allowed. Throws on an unusable ARCHWAY_TRUSTED_PROXIES.
 */
export function guardConfig(env = process.env) {
  const configured = list(env.ARCHWAY_ALLOWED_HOSTS).map((h) => (h.startsWith("*.") ? h.toLowerCase() : hostName(h)));
  const hosts = new Set(configured.length ? configured : machineHosts());
  for (const u of [env.ARCHWAY_PUBLIC_URL, env.ARCHWAY_AGENT_URL]) {
    const h = urlHost(u);
    if (h) hosts.add(h);
  }
  const publicOrigins = [env.ARCHWAY_PUBLIC_URL, env.ARCHWAY_AGENT_URL]
    .filter(Boolean)
    .map((u) => {
      try {
        return new URL(u).origin.toLowerCase();
      } catch {
        return null;
      }
    })
    .filter(Boolean);
  const publicHttps = /^https:/i.test(String(env.ARCHWAY_PUBLIC_URL ?? "").trim());
  return { hosts, publicOrigins, publicHttps, trusted: trustedList(list(env.ARCHWAY_TRUSTED_PROXIES)) };
}

export function isAllowedHost(config, host) {
  const name = hostName(host);
  if (config.hosts.has("*") || config.hosts.has(name)) return true;
  for (const h of config.hosts) if (h.startsWith("*.") && name.endsWith(h.slice(1))) return true;
  return false;
}

// Every request asks (some twice) and BlockList.check builds a SocketAddress each time (~75 µs):
// answers are kept per peer address. Bounded: a scan from many addresses only refills it.
const trustedAnswers = new WeakMap();

export function isTrustedPeer(config, peer) {
  const a = peerAddress(peer);
  let answers = trustedAnswers.get(config);
  if (!answers) trustedAnswers.set(config, (answers = new Map()));
  const known = answers.get(a);
  if (known !== undefined) return known;
  const type = net.isIPv4(a) ? "ipv4" : net.isIPv6(a) ? "ipv6" : null;
  const trusted = type !== null && config.trusted.check(a, type);
  if (answers.size >= 4096) answers.clear();
  answers.set(a, trusted);
  return trusted;
}

const first = (v) => (v === undefined || v === null ? undefined : String(v).split(",")[0].trim());

/**
 * What the browser asked for: scheme and host, from a trusted proxy's X-Forwarded-Proto/-Host, else
 * from the connection. `headers` is a lower-case header map (Node's req.headers or a Headers' entries).
 */
export function requestedOrigin(config, headers, { peer, encrypted = false }) {
  const trusted = isTrustedPeer(config, peer);
  const proto = (trusted && first(headers["x-forwarded-proto"])) || (encrypted ? "https" : "http");
  const host = (trusted && first(headers["x-forwarded-host"])) || first(headers.host) || "";
  return { proto: proto.toLowerCase(), host: host.toLowerCase(), trusted };
}

/** One year: the usual HSTS lifetime; sub-domains are left alone (they may be other people's servers). */
export const HSTS = "max-age=31536000";

/**
 * The headers every response carries (a handler's own value wins, see scripts/server.mjs): no MIME
 * sniffing, no referrer, no framing, a browsing context of its own (Cross-Origin-Opener-Policy, so a page
 * this console opens or that opens it cannot reach its window), and Strict-Transport-Security when the
 * console is served over https: ARCHWAY_PUBLIC_URL says so, or the request came over TLS or through a
 * trusted proxy that says X-Forwarded-Proto: https (from any other peer that header means nothing).
 */
export function securityHeaders(config, headers, { peer, encrypted = false }) {
  const out = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (config.publicHttps || requestedOrigin(config, headers, { peer, encrypted }).proto === "https")
    out["Strict-Transport-Security"] = HSTS;
  return out;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Null when the request may go on, else the problem to answer with: {status, detail, errors}.
 * `headers` as in requestedOrigin.
 */
export function checkRequest(config, { method, headers, peer, encrypted = false }) {
  const { proto, host, trusted } = requestedOrigin(config, headers, { peer, encrypted });
  const which = trusted && headers["x-forwarded-host"] ? "X-Forwarded-Host" : "Host";
  if (proto !== "http" && proto !== "https")
    return problem(400, "X-Forwarded-Proto must be http or https", "X-Forwarded-Proto", "Not http or https");
  if (!host || !isHostSyntax(host))
    return problem(
      400,
      `The ${which} header is not a host name or address with an optional port`,
      which,
      "Not a host[:port]",
    );
  if (!isAllowedHost(config, host))
    return problem(
      400,
      `This console does not answer to the name ${JSON.stringify(hostName(host).slice(0, 100))}; if it is one of its names, add it to ARCHWAY_ALLOWED_HOSTS (or set ARCHWAY_PUBLIC_URL)`,
      which,
      "Not one of this console's names",
    );
  if (SAFE_METHODS.has(String(method).toUpperCase())) return null;

  // Browsers send Origin on every cross-origin write and Sec-Fetch-Site on every request; scripts
  // (curl, the discovery agent) send neither and carry no ambient credentials.
  const origin = first(headers.origin);
  const site = first(headers["sec-fetch-site"]);
  const own = new Set([`${proto}://${host}`, ...config.publicOrigins]);
  if (origin !== undefined) {
    if (!own.has(origin.toLowerCase()))
      return problem(
        403,
        "Cross-site request refused: its Origin is not this console",
        "Origin",
        "Not this console's origin",
      );
    return null;
  }
  if (site !== undefined && site !== "same-origin" && site !== "none")
    return problem(
      403,
      `Cross-site request refused (Sec-Fetch-Site: ${site.slice(0, 20)})`,
      "Sec-Fetch-Site",
      "Not same-origin",
    );
  if (headers.cookie !== undefined && site !== "same-origin")
    return problem(
      403,
      "A write that carries cookies must say where it comes from (Origin or Sec-Fetch-Site: same-origin)",
      "Origin",
      "Required with cookies",
    );
  return null;
}

function problem(status, detail, header, message) {
  return { status, detail, errors: { [`headers.${header}`]: [message] } };
}

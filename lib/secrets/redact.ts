// How a proxy URL is shown (API responses, events, the console): without its password, so
// credentials never leave the server. "http://user:pw@proxy:3128" is shown "http://user@proxy:3128".
export function redactProxyUrl<T extends string | null | undefined>(url: T): T {
  if (!url) return url;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "" as T; // not a URL: show nothing rather than something that might hold a password
  }
  if (!u.password) return url;
  u.password = "";
  const out = u.href;
  // URL adds "/" to a bare host; keep the operator's spelling otherwise.
  return (out.endsWith("/") && !url.endsWith("/") && u.pathname === "/" ? out.slice(0, -1) : out) as T;
}

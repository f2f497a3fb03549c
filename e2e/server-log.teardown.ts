// After the whole browser and API run: the main server's log (everything it printed while every
// spec ran) holds no secret. It is checked for the run's own credentials (the admin password, the
// suite's API token) and for what a leaked secret looks like: a pull secret's `auths`, a URL with a
// password, an `X-Secret-Key` or bearer token value.
import { existsSync, readFileSync } from "node:fs";

const PATTERNS: [string, RegExp][] = [
  ["a pull secret", /"auths"\s*:/],
  ["a URL with a password", /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"]+:[^\s/@"]+@/i],
  ["an agent token header", /x-secret-key["']?\s*[:=]\s*["']?[A-Za-z0-9_-]{16,}/i],
  ["a bearer token", /bearer\s+[A-Za-z0-9_.-]{16,}/i],
];

export default function checkServerLog(): void {
  const file = process.env.E2E_SERVER_LOG;
  if (!file || !existsSync(file)) throw new Error(`the e2e server log ${file} is missing`);
  const log = readFileSync(file, "utf8");
  if (!log.includes("listening on")) throw new Error(`${file} is not the server's log`);
  const found: string[] = [];
  for (const [what, secret] of [
    ["the admin password", process.env.E2E_ADMIN_PASSWORD],
    ["the suite's API token", process.env.E2E_TOKEN],
  ] as const)
    if (secret && log.includes(secret)) found.push(what);
  for (const [what, re] of PATTERNS) {
    const m = re.exec(log);
    if (m) found.push(`${what} (${JSON.stringify(log.slice(Math.max(0, m.index - 80), m.index + 40))})`);
  }
  if (found.length) throw new Error(`the server log of this run shows secrets: ${found.join("; ")}`);
  console.log(`server log checked: ${log.length} bytes, no secret in it`);
}

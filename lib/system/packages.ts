// Which of the Debian packages the console needs at run time are missing on this host, so the UI
// can say what will not work and the one command that fixes it (npm start installs them as root).
import "server-only";
import { spawnSync } from "node:child_process";
import lists from "./debian-packages.json";

export type MissingPackage = { name: string; neededFor: string };
export type PackageReport = { checked: boolean; missing: MissingPackage[]; installCommand: string | null };

const RUNTIME: Record<string, string> = lists.runtime;
const TTL_MS = 30_000;
let cache: { at: number; report: PackageReport } | null = null;

function check(): PackageReport {
  const names = Object.keys(RUNTIME);
  // One dpkg-query for all; packages it has never heard of are simply absent from its output.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  const res = spawnSync("dpkg-query", ["-W", "-f=${Package} ${db:Status-Status}\\n", ...names], { encoding: "utf8" });
  if (res.error) return { checked: false, missing: [], installCommand: null };
  const present = new Set(
    res.stdout
      .split("\n")
      .map((l) => l.split(" "))
      .filter(([, status]) => status === "installed")
      .map(([name]) => name),
  );
  const missing = names.filter((n) => !present.has(n)).map((name) => ({ name, neededFor: RUNTIME[name] }));
  return {
    checked: true,
    missing,
    installCommand: missing.length
      ? `sudo apt-get install -y --no-install-recommends ${missing.map((m) => m.name).join(" ")}`
      : null,
  };
}

/** Cached briefly: the notice is polled, and installing a package is rare. */
export function runtimePackages(now = Date.now()): PackageReport {
  if (!cache || now - cache.at > TTL_MS) cache = { at: now, report: check() };
  return cache.report;
}

export function resetPackageCacheForTests() {
  cache = null;
}

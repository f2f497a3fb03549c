// Installs the Debian packages a part of Archway needs (lib/system/debian-packages.json) when they
// are missing: `npm start` asks for the runtime set, `npm test` for runtime + test. As root on a
// machine with apt it installs them, saying what and why; otherwise (or with
// ARCHWAY_INSTALL_SYSTEM_DEPS=0) it prints the one command to run and carries on.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./db/providers.mjs";

// dpkg-query's own field syntax, not a template.
// biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query format
const DPKG_STATUS = "-f=${db:Status-Status}";

const LISTS = JSON.parse(readFileSync(path.join(ROOT, "lib/system/debian-packages.json"), "utf8"));

/** PostgreSQL counts as present when its server binaries are anywhere we look (not only Debian's package). */
function postgresPresent() {
  const dirs = ["/usr/local/bin", ...["17", "16", "15", "14"].map((v) => `/usr/lib/postgresql/${v}/bin`)];
  return dirs.some((d) => existsSync(path.join(d, "initdb"))) && spawnSync("id", ["postgres"]).status === 0;
}

/** Whether dpkg has the package installed (PostgreSQL: its server binaries, wherever they are). */
export function installed(pkg) {
  if (pkg === "postgresql") return postgresPresent();
  const res = spawnSync("dpkg-query", ["-W", DPKG_STATUS, pkg], { encoding: "utf8" });
  return res.status === 0 && res.stdout.trim() === "installed";
}

/** Packages of the given sets that are not installed, with why each is needed. */
export function missingPackages(sets, lists = LISTS) {
  return sets.flatMap((set) => Object.entries(lists[set]).filter(([pkg]) => !installed(pkg)));
}

export const installCommand = (pkgs) => `sudo apt-get install -y --no-install-recommends ${pkgs.join(" ")}`;

const canInstall = () =>
  process.getuid?.() === 0 && existsSync("/usr/bin/apt-get") && existsSync("/usr/bin/dpkg-query");

/**
 * Installs what is missing of `sets` when allowed and possible. Returns the packages still missing
 * (empty when all is there). Never throws: a console without its tools still starts and says why.
 */
export function ensureSystemPackages(sets, { log = console.log, what = "Archway", lists = LISTS } = {}) {
  if (!existsSync("/usr/bin/dpkg-query")) {
    const all = Object.keys(Object.assign({}, ...sets.map((s) => lists[s])));
    log(`[archway] not a Debian/Ubuntu machine: install the equivalents of ${all.join(", ")} yourself`);
    return [];
  }
  const missing = missingPackages(sets, lists);
  if (missing.length === 0) return [];
  const names = missing.map(([pkg]) => pkg);
  const skip = process.env.ARCHWAY_INSTALL_SYSTEM_DEPS === "0";
  if (skip || !canInstall()) {
    const why = skip ? "ARCHWAY_INSTALL_SYSTEM_DEPS=0" : "not root, so not installing them";
    log(`[archway] ${what} needs Debian packages that are missing (${why}):`);
    for (const [pkg, use] of missing) log(`[archway]   ${pkg}: ${use}`);
    log(`[archway] run: ${installCommand(names)}`);
    return names;
  }
  log(`[archway] installing Debian packages ${what} needs (ARCHWAY_INSTALL_SYSTEM_DEPS=0 skips this):`);
  for (const [pkg, use] of missing) log(`[archway]   ${pkg}: ${use}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args) => spawnSync("apt-get", args, { stdio: ["ignore", "inherit", "inherit"], env }).status === 0;
  // Package lists may be absent (fresh container) or stale (a version no longer on the mirror): update once, then install.
  const ok =
    apt(["update", "-qq"]) && apt(["install", "-y", "-qq", "-o=Dpkg::Use-Pty=0", "--no-install-recommends", ...names]);
  const still = missingPackages(sets, lists).map(([pkg]) => pkg);
  if (!ok || still.length) {
    log(
      `[archway] could not install ${still.join(" ") || names.join(" ")}; run: ${installCommand(still.length ? still : names)}`,
    );
    return still;
  }
  log(`[archway] installed ${names.join(", ")}`);
  return [];
}

/** The packages one set lists (for the UI and for tests). */
export function packagesOf(set) {
  return Object.keys(LISTS[set]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sets = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const missing = ensureSystemPackages(sets.length ? sets : ["runtime"]);
  process.exit(missing.length && process.argv.includes("--strict") ? 1 : 0);
}

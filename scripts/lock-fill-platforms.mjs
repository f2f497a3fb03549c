// Run after `npm install` changes package-lock.json. The registry these machines reach lacks some
// other platforms' native builds (darwin/win32 swc and oxide binaries), so npm leaves them out of
// the lockfile and `npm ci` then refuses it as out of sync. This adds lockfile entries for such
// optional platform packages, marked with their os/cpu so npm skips them here like any
// other foreign-platform build.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./db/providers.mjs";

const file = path.join(ROOT, "package-lock.json");
const lock = JSON.parse(readFileSync(file, "utf8"));

const OS = ["darwin", "win32", "linux", "android", "freebsd", "openbsd", "sunos", "aix"];
const CPU = {
  x64: "x64",
  arm64: "arm64",
  arm: "arm",
  ia32: "ia32",
  wasm32: "wasm32",
  ppc64: "ppc64",
  s390x: "s390x",
  riscv64: "riscv64",
};

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => p in CPU);
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [CPU[cpu]] } : {}) };
}

let added = 0;
for (const [where, pkg] of Object.entries(lock.packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${where ? `${where}/` : ""}node_modules/${dep}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform.os && !platform.cpu) continue; // not a platform build: leave it to npm
    lock.packages[`node_modules/${dep}`] = { version: spec.replace(/^[\^~=]/, ""), optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} foreign-platform optional package entries added`);

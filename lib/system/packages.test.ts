// The runtime package report the UI shows agrees with dpkg, and every Debian package the code
// asks for somewhere is in the lists npm start and npm test install.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import lists from "./debian-packages.json";
import { resetPackageCacheForTests, runtimePackages } from "./packages";

const ROOT = path.resolve(__dirname, "../..");

describe("runtime packages", () => {
  it("reports as missing exactly the runtime packages dpkg does not have installed", () => {
    resetPackageCacheForTests();
    const report = runtimePackages();
    const notInstalled = Object.keys(lists.runtime).filter((pkg) => {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
      const res = spawnSync("dpkg-query", ["-W", "-f=${db:Status-Status}", pkg], { encoding: "utf8" });
      return res.stdout !== "installed";
    });
    expect(report.checked).toBe(true);
    expect(report.missing.map((m) => m.name)).toEqual(notInstalled);
    expect(report.installCommand).toBe(
      notInstalled.length ? `sudo apt-get install -y --no-install-recommends ${notInstalled.join(" ")}` : null,
    );
  });

  it("lists every Debian package the code names in an install hint", () => {
    const listed = new Set([...Object.keys(lists.runtime), ...Object.keys(lists.test)]);
    const named = new Set<string>();
    const files = readdirSync(path.join(ROOT, "lib"), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
      .map((e) => path.join(e.parentPath, e.name));
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      for (const m of text.matchAll(/pkg: "([a-z0-9.+-]+)"/g)) named.add(m[1]);
      for (const m of text.matchAll(/apt-get install (?:-\S+ )*([a-z0-9][a-z0-9.+-]+)/g)) named.add(m[1]);
    }
    named.delete("kiwi"); // optional: only kiwi recipes need it, and Debian's kiwi is not what IMS runs
    expect(named.size).toBeGreaterThan(10);
    expect([...named].filter((p) => !listed.has(p))).toEqual([]);
  });
});

// The package installer npm start and npm test run: it names what is missing and why, prints the
// one command when it may not install, and never throws when apt cannot help.
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { ensureSystemPackages, installCommand, missingPackages } from "./system-deps.mjs";

const NO_SUCH = "archway-no-such-package-for-tests";
const LISTS = { runtime: { [NO_SUCH]: "nothing; it does not exist", dpkg: "the package manager itself" } };
const saved = process.env.ARCHWAY_INSTALL_SYSTEM_DEPS;

afterEach(() => {
  if (saved === undefined) delete process.env.ARCHWAY_INSTALL_SYSTEM_DEPS;
  else process.env.ARCHWAY_INSTALL_SYSTEM_DEPS = saved;
});

describe("system packages", () => {
  it("finds exactly the packages dpkg does not have", () => {
    expect(missingPackages(["runtime"], LISTS)).toEqual([[NO_SUCH, "nothing; it does not exist"]]);
  });

  it("with ARCHWAY_INSTALL_SYSTEM_DEPS=0 prints what is missing, why, and the one command, installing nothing", () => {
    process.env.ARCHWAY_INSTALL_SYSTEM_DEPS = "0";
    const lines: string[] = [];
    const still = ensureSystemPackages(["runtime"], { log: (l: string) => lines.push(l), lists: LISTS });
    expect(still).toEqual([NO_SUCH]);
    expect(lines.join("\n")).toContain(`${NO_SUCH}: nothing; it does not exist`);
    expect(lines.at(-1)).toBe(`[archway] run: ${installCommand([NO_SUCH])}`);
    expect(lines.join("\n")).not.toContain("installing");
  });

  it.runIf(process.getuid?.() === 0)(
    "as root, a package apt cannot install is reported with the command, not thrown",
    () => {
      delete process.env.ARCHWAY_INSTALL_SYSTEM_DEPS;
      const lines: string[] = [];
      const still = ensureSystemPackages(["runtime"], { log: (l: string) => lines.push(l), lists: LISTS });
      expect(still).toEqual([NO_SUCH]);
      expect(lines.join("\n")).toContain("installing Debian packages");
      expect(lines.at(-1)).toContain(`could not install ${NO_SUCH}; run: ${installCommand([NO_SUCH])}`);
      expect(spawnSync("dpkg-query", ["-W", NO_SUCH]).status).not.toBe(0);
    },
    120_000,
  );
});

// The layering the house style asks for, checked on the source: routes reach data only through
// services (never the Prisma client), and model types come from lib/db.ts, not generated paths.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

function sources(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
    .filter(keep);
}

const isSource = (f: string) => /\.(ts|tsx)$/.test(f) && !f.endsWith(".test.ts") && !f.includes("/generated/");

describe("layers", () => {
  it("route handlers never import the Prisma client", () => {
    const offenders = sources("app", (f) => /\/route\.ts$/.test(f)).filter((f) => {
      const text = readFileSync(path.join(ROOT, f), "utf8");
      return /import\s+\{[^}]*\bdb\b[^}]*\}\s+from\s+"@\/lib\/db"/.test(text) || text.includes("lib/generated/");
    });
    expect(offenders).toEqual([]);
  });

  it("only lib/db.ts imports the generated Prisma clients", () => {
    const offenders = ["app", "components", "lib"]
      .flatMap((d) => sources(d, isSource))
      .filter((f) => f !== "lib/db.ts" && readFileSync(path.join(ROOT, f), "utf8").includes("generated/"));
    expect(offenders).toEqual([]);
  });
});

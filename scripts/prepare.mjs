// Makes a fresh checkout runnable: generates the Prisma clients and builds the Next app when their
// inputs changed since the last time (content hashes, so a clean clone always builds).

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./db/providers.mjs";

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "prisma",
  "public",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const SKIP = new Set(["generated", "node_modules", ".next"]);

function hashInputs(entries) {
  const hash = createHash("sha256");
  const visit = (rel) => {
    const abs = path.join(ROOT, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort())
        if (!SKIP.has(name) && !name.endsWith(".test.ts")) visit(path.join(rel, name));
    } else {
      hash.update(rel).update("\0").update(readFileSync(abs)).update("\0");
    }
  };
  entries.forEach(visit);
  return hash.digest("hex");
}

function upToDate(stampFile, digest) {
  return existsSync(stampFile) && readFileSync(stampFile, "utf8") === digest;
}

function node(args) {
  execFileSync(process.execPath, args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

export function ensurePrepared({ build = true } = {}) {
  const genStamp = path.join(ROOT, "lib/generated/.stamp");
  const genDigest = hashInputs(["prisma/schema.prisma", "package-lock.json"]);
  if (!upToDate(genStamp, genDigest)) {
    console.log("[archway] generating Prisma clients (SQLite and PostgreSQL)…");
    node([path.join(ROOT, "scripts/db/generate.mjs")]);
    mkdirSync(path.dirname(genStamp), { recursive: true });
    writeFileSync(genStamp, genDigest);
  }
  if (!build) return;
  const buildStamp = path.join(ROOT, ".next/archway-build.stamp");
  const buildDigest = hashInputs(BUILD_INPUTS);
  if (!upToDate(buildStamp, buildDigest) || !existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    console.log("[archway] building the console (next build)…");
    node([path.join(ROOT, "node_modules/next/dist/bin/next"), "build"]);
    writeFileSync(buildStamp, buildDigest);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensurePrepared({ build: process.argv.includes("--build") });

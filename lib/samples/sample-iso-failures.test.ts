// A build whose tool fails says which command failed and why, and leaves neither a half-written
// ISO nor its staging directory behind. A stand-in `isohybrid` on PATH fails after xorriso wrote.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildSampleIso } from "./sample-iso";

const dir = mkdtempSync(path.join(tmpdir(), "archway-sample-fail-"));
const savedPath = process.env.PATH;

beforeAll(() => {
  const bin = path.join(dir, "bin");
  mkdirSync(bin);
  writeFileSync(path.join(bin, "isohybrid"), '#!/bin/sh\necho "isohybrid: cannot frobnicate $2" >&2\nexit 3\n');
  chmodSync(path.join(bin, "isohybrid"), 0o755);
  process.env.PATH = `${bin}${path.delimiter}${savedPath}`;
});

afterAll(() => {
  process.env.PATH = savedPath;
  rmSync(dir, { recursive: true, force: true });
});

it("reports the failing command with its stderr and cleans up", async () => {
  const outDir = path.join(dir, "out");
  const out = path.join(outDir, "live-x86_64.iso");
  const lines: string[] = [];
  const build = buildSampleIso({ arch: "x86_64", out, log: (l) => lines.push(l) });
  await expect(build).rejects.toThrow(
    /Command failed \(exit 3\): isohybrid --uefi .*\.iso\.part-\d+-[0-9a-f]+\nisohybrid: cannot frobnicate/,
  );
  expect(readdirSync(outDir)).toEqual([]);
  expect(lines).toContainEqual(expect.stringMatching(/^isohybrid: cannot frobnicate /));
  const staging = lines.map((l) => /^staging the x86_64 live ISO in (.+)$/.exec(l)?.[1]).find(Boolean);
  expect(staging).toBeTruthy();
  expect(existsSync(staging!)).toBe(false);
});

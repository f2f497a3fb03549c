// The embed-area reader over every coreos-installer fixture layout, cross-checked with xorriso.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SHARED_DIR } from "@/test/shared-dir";
import { locateEmbedAreas, readKargs } from "./embed-areas";
import { readAt, walk } from "./iso9660";

const FIXTURES = path.join(SHARED_DIR, "reference/coreos-installer-iso");
const isos = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".iso"))
  .sort();

/** xorriso's own view: path -> byte offset of the file's first block. */
function xorrisoExtents(iso: string): Map<string, number> {
  const out = execFileSync("xorriso", ["-indev", iso, "-find", "/", "-type", "f", "-exec", "report_lba"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const map = new Map<string, number>();
  for (const line of out.split("\n")) {
    const m = /^File data lba:\s+\d+\s*,\s*(\d+)\s*,\s*\d+\s*,\s*\d+\s*,\s*'(.+)'$/.exec(line.trim());
    if (m) map.set(m[2], Number(m[1]) * 2048);
  }
  return map;
}

describe.each(isos)("%s", (name) => {
  const file = path.join(FIXTURES, name);

  it("locates a pristine (all-zero) Ignition area", async () => {
    const fh = await open(file);
    try {
      const { ignition } = await locateEmbedAreas(fh);
      expect(ignition.length).toBeGreaterThanOrEqual(64 * 1024);
      const bytes = await readAt(fh, ignition.offset, ignition.length);
      expect(bytes.length).toBe(ignition.length);
      expect(bytes.every((b) => b === 0)).toBe(true);
      if (name.includes("s390x")) expect(ignition.source).toBe("igninfo.json");
    } finally {
      await fh.close();
    }
  });

  it("finds files where xorriso says they are", async () => {
    const fh = await open(file);
    try {
      const ours = new Map((await walk(fh)).filter((e) => !e.isDir && e.size > 0).map((e) => [e.path, e.offset]));
      const theirs = xorrisoExtents(file);
      for (const [p, offset] of theirs) if (ours.has(p)) expect(ours.get(p), p).toBe(offset);
      expect([...theirs.keys()].filter((p) => ours.has(p)).length).toBeGreaterThan(3);
    } finally {
      await fh.close();
    }
  });

  it("locates karg areas where the layout has them, each starting with the default kargs", async () => {
    const fh = await open(file);
    try {
      const { kargs } = await locateEmbedAreas(fh);
      if (name.includes("2020-09") || name.includes("2023-03.s390x")) return expect(kargs).toBeNull();
      expect(kargs).not.toBeNull();
      expect(kargs!.areas.length).toBeGreaterThan(0);
      for (const area of kargs!.areas) {
        const text = (await readAt(fh, area.offset, area.length)).toString("utf8");
        expect(text.startsWith(kargs!.defaultKargs)).toBe(true);
        const rest = text.slice(kargs!.defaultKargs.length);
        expect(rest[0]).toBe(area.end);
        expect([...rest.slice(1)].every((c) => c === area.pad)).toBe(true);
      }
      expect(await readKargs(fh, kargs!)).toBe(kargs!.defaultKargs);
    } finally {
      await fh.close();
    }
  });
});

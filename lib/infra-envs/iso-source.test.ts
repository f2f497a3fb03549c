// Which file serves a discovery ISO is kept for a second between range requests: kept answers are
// the very same, and a change this process makes, the file changing on disk, or the second passing
// each make the next request read the database and the file again.
import { utimesSync } from "node:fs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sourcesChanged } from "@/lib/base-images/generation";
import { db } from "@/lib/db";
import { fetchBaseImage } from "@/test/iso-helpers";
import { isoSource } from "./iso-source";

beforeAll(async () => {
  await fetchBaseImage("4.14", "x86_64");
}, 120_000);

afterEach(() => vi.useRealTimers());

const baseRow = async () => {
  const row = await db().osImage.findFirstOrThrow({ where: { openshiftVersion: "4.14", cpuArchitecture: "x86_64" } });
  return db().baseImage.findUniqueOrThrow({ where: { url: row.url } });
};

describe("isoSource", () => {
  it("answers the same source again within the second, and reads again once this process changed a base image", async () => {
    const first = await isoSource("4.14", "x86_64", "full-iso");
    expect(first.row.cpuArchitecture).toBe("x86_64");
    expect(first.layout.ignition.length).toBeGreaterThan(0);
    expect(await isoSource("4.14", "x86_64", "full-iso")).toBe(first);

    const bi = await baseRow();
    const fetchedAt = new Date(bi.fetchedAt!.getTime() + 1000);
    await db().baseImage.update({ where: { id: bi.id }, data: { fetchedAt } });
    try {
      sourcesChanged();
      const again = await isoSource("4.14", "x86_64", "full-iso");
      expect(again).not.toBe(first);
      expect(again.base.fetchedAt?.getTime()).toBe(fetchedAt.getTime());
    } finally {
      await db().baseImage.update({ where: { id: bi.id }, data: { fetchedAt: bi.fetchedAt } });
      sourcesChanged();
    }
  });

  it("notices the file changed on disk at the next request", async () => {
    const first = await isoSource("4.14", "x86_64", "full-iso");
    const later = new Date(Date.now() + 5000);
    utimesSync(first.file, later, later);
    const again = await isoSource("4.14", "x86_64", "full-iso");
    expect(again).not.toBe(first);
    expect(again.fileKey).not.toBe(first.fileKey);
    expect(await isoSource("4.14", "x86_64", "full-iso")).toBe(again);
  });

  it("reads again after a second, so another replica's change is seen", async () => {
    const first = await isoSource("4.14", "x86_64", "full-iso");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 1001 });
    expect(await isoSource("4.14", "x86_64", "full-iso")).not.toBe(first);
  });

  it("keeps full and minimal apart, and refuses a version without an OS image", async () => {
    const full = await isoSource("4.14", "x86_64", "full-iso");
    const minimal = await isoSource("4.14", "x86_64", "minimal-iso");
    expect(minimal.file).not.toBe(full.file);
    await expect(isoSource("3.1", "x86_64", "full-iso")).rejects.toMatchObject({ status: 409 });
  });
});

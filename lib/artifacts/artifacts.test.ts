// Artifact rows over the store: save creates (or reuses) the row for the content, open streams it
// back, delete drops the row and the blob.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { deleteArtifact, openArtifact, saveArtifact, store } from "./artifacts";
import { ArtifactTooLargeError } from "./store";

const body = (s: string) => Readable.from([Buffer.from(s)]);
const blobFile = (key: string) => path.join(env().dataDir, "artifacts", key);

describe("artifacts", () => {
  it("saves a stream as a row whose key, size and digests describe the stored blob", async () => {
    const row = await saveArtifact(body("recipe bytes"), { contentType: "application/gzip" });
    expect(row).toMatchObject({
      contentType: "application/gzip",
      sizeBytes: 12n,
      sha256: createHash("sha256").update("recipe bytes").digest("hex"),
      md5: createHash("md5").update("recipe bytes").digest("hex"),
    });
    expect(row.storageKey).toBe(`sha256/${row.sha256.slice(0, 2)}/${row.sha256}`);
    expect(existsSync(blobFile(row.storageKey))).toBe(true);
    expect(await store().stat(row.storageKey)).toEqual({ size: 12 });
  });

  it("reuses the row for content it already has", async () => {
    const a = await saveArtifact(body("twice"), { contentType: "text/plain" });
    const b = await saveArtifact(body("twice"), { contentType: "text/plain" });
    expect(b.id).toBe(a.id);
    expect(await db().artifact.count({ where: { storageKey: a.storageKey } })).toBe(1);
  });

  it("opens an artifact, whole or as a range", async () => {
    const row = await saveArtifact(body("0123456789"), { contentType: "text/plain" });
    const whole = await openArtifact(row.id);
    expect(whole.artifact.id).toBe(row.id);
    expect(await text(whole.stream)).toBe("0123456789");
    expect(await text((await openArtifact(row.id, { start: 3, end: 6 })).stream)).toBe("3456");
    await expect(openArtifact("00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ status: 404 });
  });

  it("refuses content over maxBytes without creating a row", async () => {
    const before = await db().artifact.count();
    await expect(
      saveArtifact(body("x".repeat(2000)), { contentType: "text/plain", maxBytes: 1000 }),
    ).rejects.toBeInstanceOf(ArtifactTooLargeError);
    expect(await db().artifact.count()).toBe(before);
  });

  it("deletes the row and its blob", async () => {
    const row = await saveArtifact(body("short-lived"), { contentType: "text/plain" });
    await deleteArtifact(row.id);
    expect(await db().artifact.findUnique({ where: { id: row.id } })).toBeNull();
    expect(existsSync(blobFile(row.storageKey))).toBe(false);
    await expect(deleteArtifact(row.id)).rejects.toMatchObject({ status: 404 });
  });

  it("does not lose a blob to a delete racing a save of the same content", async () => {
    const first = await saveArtifact(body("contended"), { contentType: "text/plain" });
    const [, again] = await Promise.allSettled([
      deleteArtifact(first.id),
      saveArtifact(body("contended"), { contentType: "text/plain" }),
    ]);
    if (again.status === "fulfilled") {
      expect(await store().stat(again.value.storageKey)).toEqual({ size: 9 });
    } else {
      expect(String(again.reason)).toMatch(/try again/);
    }
  });

  it("says so when a row's blob has gone missing", async () => {
    const row = await saveArtifact(body("lost"), { contentType: "text/plain" });
    await store().delete(row.storageKey);
    await expect(openArtifact(row.id)).rejects.toThrow(/has no stored content/);
  });
});

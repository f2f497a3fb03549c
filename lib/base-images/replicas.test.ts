// Base ISOs on every web replica, with an S3 artifact store (a real s3rver) and one database: the
// fetch job run with data dir A publishes the sample ISO, its minimal template and rootfs; a process
// with a fresh data dir B (A's files gone) pulls them by key and serves the full and minimal
// discovery ISOs and the rootfs byte for byte as A did, with the same ETags. A pulled copy that does
// not match its sha256 is refused and never takes the file's name.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as imageUrl from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/downloads/image-url/route";
import * as infraEnvs from "@/app/api/assisted-install/v2/infra-envs/route";
import * as rootfsRoute from "@/app/rootfs/[version]/[arch]/[file]/route";
import { store } from "@/lib/artifacts/artifacts";
import { db } from "@/lib/db";
import { env, resetEnvForTests } from "@/lib/env";
import { pendingDigest } from "@/lib/infra-envs/downloads";
import { keyFile } from "@/lib/secrets/key";
import { PULL_SECRET, SSH_KEY, uniqueName } from "@/test/fixtures";
import { type Called, call } from "@/test/http";
import { fetchBaseImage, getIso } from "@/test/iso-helpers";
import { type S3Server, startS3Server } from "@/test/s3-server";
import { cacheDir } from "./fetch-job";
import { retryDecision } from "./heal";
import { localBaseFiles, pullBaseImages, pulledPath } from "./replicas";

let s3: S3Server;
const saved = { ...process.env };
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

type Served = { full: Called; minimal: Called; rootfs: Called; rootfsHead: Called };
let infraEnvId: string;

async function serveAll(): Promise<Served> {
  const links: Record<string, string> = {};
  for (const type of ["full-iso", "minimal-iso"]) {
    const res = await call(imageUrl.GET, {
      path: `/x?image_type=${type}`,
      params: { infra_env_id: infraEnvId },
    });
    expect(res.status, res.text).toBe(200);
    links[type] = res.body.url;
    await pendingDigest(infraEnvId); // computed from this replica's files, before they go away
  }
  const rootfsParams = { version: "4.14", arch: "x86_64", file: "rootfs.img" };
  return {
    full: await getIso(links["full-iso"]),
    minimal: await getIso(links["minimal-iso"]),
    rootfs: await call(rootfsRoute.GET as never, { path: "/rootfs/4.14/x86_64/rootfs.img", params: rootfsParams }),
    rootfsHead: await call(rootfsRoute.HEAD as never, {
      method: "HEAD",
      path: "/rootfs/4.14/x86_64/rootfs.img",
      params: rootfsParams,
    }),
  };
}

beforeAll(async () => {
  s3 = await startS3Server();
  // Replicas share the database, the artifact store and the key the database's secrets are sealed with.
  Object.assign(process.env, s3.env("site"), { ARCHWAY_SECRET_KEY: readFileSync(keyFile(), "utf8").trim() });
  resetEnvForTests();
}, 60_000);

const replicaDirs: string[] = [];
/** Points this process at a fresh data dir, as another replica on another machine would have. */
function becomeReplica(name: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `archway-replica-${name}-`));
  replicaDirs.push(dir);
  process.env.ARCHWAY_DATA_DIR = dir;
  resetEnvForTests();
}

afterAll(async () => {
  await s3?.close();
  for (const dir of replicaDirs) rmSync(dir, { recursive: true, force: true });
  process.env = saved;
  resetEnvForTests();
});

describe("base ISOs on a second replica", () => {
  let onA: Served;
  let dirA: string;

  it("replica A fetches the base image once and publishes its three files to the store", async () => {
    dirA = env().dataDir;
    await fetchBaseImage("4.14", "x86_64");
    const bi = await db().baseImage.findFirstOrThrow({ where: { cpuArchitecture: "x86_64", status: "ready" } });
    expect(bi.storageKey).toBe(`sha256/${bi.sha256!.slice(0, 2)}/${bi.sha256}`);
    expect(bi.minimalStorageKey).toBe(`sha256/${bi.minimalSha256!.slice(0, 2)}/${bi.minimalSha256}`);
    expect(bi.rootfsStorageKey).toBe(`sha256/${bi.rootfsSha256!.slice(0, 2)}/${bi.rootfsSha256}`);
    // The fetching replica serves its own files: no second copy of them.
    expect(await localBaseFiles(bi)).toEqual({ path: bi.path, minimalPath: bi.minimalPath, rootfsPath: bi.rootfsPath });
    expect(readdirSync(cacheDir()).filter((n) => /^[0-9a-f]{64}\./.test(n))).toEqual([]);
    for (const [key, file] of [
      [bi.storageKey!, bi.path!],
      [bi.minimalStorageKey!, bi.minimalPath!],
      [bi.rootfsStorageKey!, bi.rootfsPath!],
    ]) {
      const chunks: Buffer[] = [];
      for await (const c of store().get(key)) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).equals(readFileSync(file)), key).toBe(true);
    }

    const created = await call(infraEnvs.POST, {
      method: "POST",
      body: {
        name: uniqueName("replica"),
        openshift_version: "4.14",
        cpu_architecture: "x86_64",
        ssh_authorized_key: SSH_KEY,
        pull_secret: PULL_SECRET,
      },
    });
    expect(created.status).toBe(201);
    infraEnvId = created.body.id;
    onA = await serveAll();
    for (const r of [onA.full, onA.minimal, onA.rootfs]) expect(r.status).toBe(200);
  }, 180_000);

  it("replica B, with a fresh data dir and none of A's files, serves the same bytes and ETags", async () => {
    // A's data dir goes away entirely, so nothing B serves can come from it.
    renameSync(dirA, `${dirA}.gone`);
    becomeReplica("b");
    const bi = await db().baseImage.findFirstOrThrow({ where: { cpuArchitecture: "x86_64", status: "ready" } });
    // Published and still in the store: B copies it, it does not fetch it again (nor rebuild the template).
    expect(await retryDecision(bi)).toEqual({ retry: false, why: "ready" });
    const onB = await serveAll();
    for (const part of ["full", "minimal", "rootfs"] as const) {
      expect(onB[part].status, part).toBe(200);
      expect(onB[part].bytes.length, part).toBe(onA[part].bytes.length);
      expect(sha(onB[part].bytes), part).toBe(sha(onA[part].bytes));
      expect(onB[part].headers.get("etag"), part).toBe(onA[part].headers.get("etag"));
    }
    expect(onB.rootfs.headers.get("last-modified")).toBe(onA.rootfs.headers.get("last-modified"));
    expect(onB.rootfsHead.headers.get("etag")).toBe(onA.rootfs.headers.get("etag"));
    // Pulled into B's own cache, named by content.
    for (const [sum, role] of [
      [bi.sha256!, "iso"],
      [bi.minimalSha256!, "minimal"],
      [bi.rootfsSha256!, "rootfs"],
    ] as const) {
      expect(pulledPath(sum, role).startsWith(env().dataDir)).toBe(true);
      expect(existsSync(pulledPath(sum, role)), role).toBe(true);
    }
    renameSync(`${dirA}.gone`, dirA);
  }, 120_000);

  it("pulls at start for a third replica, and refuses a copy whose sha256 is not the recorded one", async () => {
    becomeReplica("c");
    expect(await pullBaseImages()).toEqual([]);
    const bi = await db().baseImage.findFirstOrThrow({ where: { cpuArchitecture: "x86_64", status: "ready" } });
    expect(readdirSync(cacheDir()).sort()).toEqual(
      [pulledPath(bi.sha256!, "iso"), pulledPath(bi.minimalSha256!, "minimal"), pulledPath(bi.rootfsSha256!, "rootfs")]
        .map((p) => path.basename(p))
        .sort(),
    );

    // A row whose recorded digest does not match what the store holds under its key.
    const other = await store().put(Readable.from([Buffer.from("not an ISO")]), { contentType: "x" });
    const liar = { ...bi, storageKey: other.key, sha256: "0".repeat(64), sizeBytes: BigInt(other.size) };
    await expect(localBaseFiles(liar)).rejects.toThrow(/sha256 .* not the .* sha256 0{64}/);
    expect(existsSync(pulledPath("0".repeat(64), "iso"))).toBe(false);
    expect(readdirSync(cacheDir()).filter((n) => n.includes(".part-"))).toEqual([]);
  });

  it("copies each file once when many requests want it at the same time", async () => {
    becomeReplica("d");
    const bi = await db().baseImage.findFirstOrThrow({ where: { cpuArchitecture: "x86_64", status: "ready" } });
    const isoGet = `GET /${s3.bucket}/site/${bi.storageKey}`;
    const before = s3.requests.filter((r) => r === isoGet).length;
    const results = await Promise.all(Array.from({ length: 8 }, () => localBaseFiles(bi)));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(s3.requests.filter((r) => r === isoGet).length - before).toBe(1);
    expect(readdirSync(cacheDir())).toHaveLength(3);
    // Once here, it is served from here: no more reads from the store.
    await localBaseFiles(bi);
    expect(s3.requests.filter((r) => r === isoGet).length - before).toBe(1);
  });

  it("a new fetch replaces the published files and drops from the store those nothing uses any more", async () => {
    process.env.ARCHWAY_DATA_DIR = dirA;
    resetEnvForTests();
    const before = await db().baseImage.findFirstOrThrow({ where: { cpuArchitecture: "x86_64", status: "ready" } });
    await fetchBaseImage("4.14", "x86_64");
    const after = await db().baseImage.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.storageKey).toBe(before.storageKey); // the same ISO bytes, the same key
    for (const key of [after.storageKey!, after.minimalStorageKey!, after.rootfsStorageKey!])
      expect(await store().stat(key), key).not.toBeNull();
    for (const key of [before.minimalStorageKey!, before.rootfsStorageKey!]) {
      const current = [after.minimalStorageKey, after.rootfsStorageKey].includes(key);
      expect((await store().stat(key)) !== null, key).toBe(current);
    }
  }, 180_000);
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "./load";

const OS = [
  {
    openshift_version: "4.9",
    cpu_architecture: "x86_64",
    url: "https://mirror.example/rhcos-live.x86_64.iso",
    rootfs_url: "https://mirror.example/rootfs.x86_64.img",
    version: "49.84.202107032011-0",
  },
  {
    openshift_version: "4.9",
    cpu_architecture: "arm64",
    url: "https://mirror.example/rhcos-live.aarch64.iso",
    version: "49.84.202106272247-0",
  },
];
const RELEASE = [
  {
    openshift_version: "4.9",
    cpu_architecture: "x86_64",
    url: "quay.io/openshift-release-dev/ocp-release:4.9.0-rc.4-x86_64",
    version: "4.9.0-rc.4",
  },
  {
    openshift_version: "4.9",
    cpu_architecture: "arm64",
    url: "quay.io/openshift-release-dev/ocp-release:4.9.0-rc.4-aarch64",
    version: "4.9.0-rc.4",
  },
];
const base = { dataDir: "/var/lib/archway" };

describe("loadCatalog", () => {
  it("reads seed 001's JSON from the env, canonicalising arm64", () => {
    const { catalog, source } = loadCatalog({
      ...base,
      OS_IMAGES: JSON.stringify(OS),
      RELEASE_IMAGES: JSON.stringify(RELEASE),
    });
    expect(source).toBe("env");
    expect(catalog.osImages.map((r) => r.cpu_architecture)).toEqual(["x86_64", "aarch64"]);
    expect(catalog.releaseImages[1].url).toMatch(/aarch64$/);
  });

  it("reads env values that are file paths", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "catalog-"));
    writeFileSync(path.join(dir, "os.json"), JSON.stringify(OS));
    writeFileSync(path.join(dir, "rel.json"), JSON.stringify(RELEASE));
    const { catalog } = loadCatalog({
      ...base,
      OS_IMAGES: path.join(dir, "os.json"),
      RELEASE_IMAGES: path.join(dir, "rel.json"),
    });
    expect(catalog.osImages).toHaveLength(2);
  });

  it("reads a catalog file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "catalog-"));
    const file = path.join(dir, "catalog.json");
    writeFileSync(file, JSON.stringify({ OS_IMAGES: OS, RELEASE_IMAGES: RELEASE }));
    expect(loadCatalog({ ...base, ARCHWAY_CATALOG_FILE: file }).source).toBe("file");
  });

  it("a row without an architecture is an error naming the row", () => {
    const bad = [OS[0], { openshift_version: "4.10", url: "https://mirror.example/x.iso", version: "410.1" }];
    expect(() =>
      loadCatalog({ ...base, OS_IMAGES: JSON.stringify(bad), RELEASE_IMAGES: JSON.stringify(RELEASE) }),
    ).toThrow(
      /OS_IMAGES\[1\] \(openshift_version "4.10", version "410.1", url "https:\/\/mirror.example\/x.iso"\): cpu_architecture: is required/,
    );
  });

  it.each([
    [{ OS_IMAGES: "[not json", RELEASE_IMAGES: "[]" }, /OS_IMAGES is not valid JSON/],
    [{ OS_IMAGES: JSON.stringify(OS) }, /Set OS_IMAGES and RELEASE_IMAGES together/],
    [
      { OS_IMAGES: JSON.stringify([{ ...OS[0], cpu_architecture: "sparc" }]), RELEASE_IMAGES: "[]" },
      /OS_IMAGES\[0\].*Unknown CPU architecture "sparc"/,
    ],
    [{ OS_IMAGES: JSON.stringify([{ ...OS[0], cpu_architecture: "multi" }]), RELEASE_IMAGES: "[]" }, /cannot be multi/],
    [{ OS_IMAGES: JSON.stringify([{ ...OS[0], url: "ftp://x" }]), RELEASE_IMAGES: "[]" }, /url: Expected an http/],
    [{ OS_IMAGES: JSON.stringify({}), RELEASE_IMAGES: "[]" }, /must be a JSON array/],
    [{ OS_IMAGES: "/nonexistent/os.json", RELEASE_IMAGES: "[]" }, /neither JSON nor a readable file/],
  ])("rejects %j", (e, msg) => expect(() => loadCatalog({ ...base, ...e })).toThrow(msg));

  it("falls back to the deprecated OPENSHIFT_VERSIONS as x86_64 rows", () => {
    const legacy = {
      "4.8": {
        display_name: "4.8.2",
        release_image: "quay.io/ocp-release:4.8.2-x86_64",
        rhcos_image: "https://m/rhcos-4.8.2.iso",
        rhcos_version: "48.84.1",
        default: true,
      },
    };
    const { catalog, source } = loadCatalog({ ...base, OPENSHIFT_VERSIONS: JSON.stringify(legacy) });
    expect(source).toBe("openshift_versions");
    expect(catalog.osImages[0]).toMatchObject({
      openshift_version: "4.8",
      cpu_architecture: "x86_64",
      version: "48.84.1",
    });
    expect(catalog.releaseImages[0]).toMatchObject({ cpu_architecture: "x86_64", default: true, version: "4.8.2" });
  });

  it("the new variables win over the deprecated one", () => {
    const { source } = loadCatalog({
      ...base,
      OS_IMAGES: JSON.stringify(OS),
      RELEASE_IMAGES: JSON.stringify(RELEASE),
      OPENSHIFT_VERSIONS: "{}",
    });
    expect(source).toBe("env");
  });

  it("the embedded default has x86_64 and aarch64 at two or more versions, as file:// URLs", () => {
    const { catalog, source } = loadCatalog(base);
    expect(source).toBe("default");
    const pairs = new Set(catalog.osImages.map((r) => `${r.openshift_version}/${r.cpu_architecture}`));
    expect(pairs.has("4.9/aarch64") && pairs.has("4.14/aarch64") && pairs.has("4.14/x86_64")).toBe(true);
    expect(catalog.osImages.every((r) => r.url.startsWith("file:///var/lib/archway/os-images/"))).toBe(true);
  });
});

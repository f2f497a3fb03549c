import { describe, expect, it } from "vitest";
import {
  archDisplayName,
  archOrMultiSchema,
  archSchema,
  hostArch,
  parseArch,
  sameArch,
  toAssistedArch,
  toImsArch,
} from "./arch";

describe("parseArch", () => {
  it.each([
    ["x86_64", "x86_64"],
    ["AMD64", "x86_64"],
    [" amd64 ", "x86_64"],
    ["arm64", "aarch64"],
    ["ARM64", "aarch64"],
    ["aarch64", "aarch64"],
    ["ppc64le", "ppc64le"],
    ["S390X", "s390x"],
    ["multi", "multi"],
  ])("%s -> %s", (input, want) => expect(parseArch(input)).toBe(want));

  it.each(["", "i386", "arm", "ppc64", "x86"])("rejects %j", (input) => expect(parseArch(input)).toBeNull());
});

describe("API spellings", () => {
  it("assisted says arm64, IMS says aarch64", () => {
    expect(toAssistedArch("aarch64")).toBe("arm64");
    expect(toImsArch("aarch64")).toBe("aarch64");
    expect(toAssistedArch("x86_64")).toBe("x86_64");
  });
  it("display names", () => {
    expect(archDisplayName("aarch64")).toBe("Arm64 (aarch64)");
    expect(archDisplayName("s390x")).toBe("IBM Z (s390x)");
    expect(archDisplayName("ppc64le")).toBe("IBM Power (ppc64le)");
  });
  it("sameArch treats aliases as equal", () => {
    expect(sameArch("arm64", "AARCH64")).toBe(true);
    expect(sameArch("amd64", "aarch64")).toBe(false);
    expect(sameArch("bogus", "bogus")).toBe(false);
  });
  it("host arch from node's names", () => {
    expect(hostArch("x64")).toBe("x86_64");
    expect(hostArch("arm64")).toBe("aarch64");
  });
});

describe("schemas", () => {
  it("canonicalise input", () => {
    expect(archSchema.parse("ARM64")).toBe("aarch64");
    expect(archOrMultiSchema.parse("multi")).toBe("multi");
  });
  it("multi is refused where a single architecture is needed", () => {
    const res = archSchema.safeParse("multi");
    expect(res.success).toBe(false);
    expect(res.error?.issues[0].message).toMatch(/cannot be multi/);
  });
  it("unknown values name the accepted ones", () => {
    const res = archOrMultiSchema.safeParse("sparc");
    expect(res.error?.issues[0].message).toMatch(/Unknown CPU architecture "sparc".*arm64/);
  });
});

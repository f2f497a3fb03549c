import { describe, expect, it } from "vitest";
import { operatorUnsupportedReason, withDependencies } from "./operators";
import { archSupport, versionOffersArchChoice } from "./support";

describe("architecture support by version", () => {
  it.each([
    ["4.8", "aarch64", "unavailable"],
    ["4.9", "aarch64", "dev-preview"],
    ["4.10", "aarch64", "supported"],
    ["4.11", "ppc64le", "unavailable"],
    ["4.12", "s390x", "tech-preview"],
    ["4.13.2", "ppc64le", "supported"],
    ["4.10", "multi", "unavailable"],
    ["4.11", "multi", "dev-preview"],
    ["4.6", "x86_64", "supported"],
  ] as const)("%s %s is %s", (v, a, level) => expect(archSupport(v, a).level).toBe(level));

  it("arm64 at 4.9 is single-node only, with a reason", () => {
    const s = archSupport("4.9.59", "aarch64");
    expect(s.singleNodeOnly).toBe(true);
    expect(s.reason).toMatch(/single-node/);
    expect(archSupport("4.10", "aarch64").singleNodeOnly).toBeUndefined();
  });
  it("unavailable carries the first version", () =>
    expect(archSupport("4.8", "aarch64").reason).toBe("Arm64 (aarch64) needs OpenShift 4.9 or later"));
  it("the architecture choice starts at 4.9", () => {
    expect(versionOffersArchChoice("4.8")).toBe(false);
    expect(versionOffersArchChoice("4.9")).toBe(true);
  });
});

describe("operators matrix", () => {
  it.each([
    ["lso", "4.9", "aarch64", 1, /not compatible with the arm64 architecture on version 4.9/],
    ["lso", "4.10", "aarch64", 3, null],
    ["odf", "4.14", "aarch64", 3, /OpenShift Data Foundation \(odf\).*arm64.*4.14/],
    ["odf", "4.14", "x86_64", 3, null],
    ["odf", "4.8", "x86_64", 3, /needs OpenShift 4.9 or later/],
    ["ocs", "4.9", "x86_64", 3, /use odf instead/],
    ["ocs", "4.8", "x86_64", 3, null],
    ["cnv", "4.9", "aarch64", 1, /OpenShift Virtualization.*arm64/],
    ["cnv", "4.14", "multi", 3, null],
    ["odf", "4.14", "multi", 3, /multi architecture/],
    ["lvm", "4.10", "x86_64", 1, /4.11 or later/],
    ["lvm", "4.12", "x86_64", 3, /multi-node/],
    ["lvm", "4.12", "x86_64", 1, null],
    ["nope", "4.14", "x86_64", 3, /Unknown operator/],
  ] as const)("%s at %s on %s (%d cp)", (name, v, arch, cp, want) => {
    const got = operatorUnsupportedReason(name, v, arch, cp);
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatch(want);
  });

  it("dependencies come first, once", () =>
    expect(withDependencies(["odf", "cnv", "lso"])).toEqual(["lso", "odf", "cnv"]));
});

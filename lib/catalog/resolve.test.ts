import { describe, expect, it } from "vitest";
import { resolveRow } from "./resolve";

const rows = [
  { openshiftVersion: "4.14", cpuArchitecture: "x86_64", version: "414.a" },
  { openshiftVersion: "4.14.3", cpuArchitecture: "x86_64", version: "414.b" },
  { openshiftVersion: "4.15.1", cpuArchitecture: "aarch64", version: "415.1" },
  { openshiftVersion: "4.15.10", cpuArchitecture: "aarch64", version: "415.10" },
  { openshiftVersion: "4.15.2", cpuArchitecture: "aarch64", version: "415.2" },
  { openshiftVersion: "4.9", cpuArchitecture: "aarch64", version: "49.84.202106272247-0" },
  { openshiftVersion: "4.9", cpuArchitecture: "aarch64", version: "49.84.202107032011-0" },
];

describe("resolveRow (DESIGN §2)", () => {
  it("exact x.y.z wins", () => expect(resolveRow(rows, "4.14.3", "x86_64")?.version).toBe("414.b"));
  it("then the x.y row", () => expect(resolveRow(rows, "4.14.7", "x86_64")?.version).toBe("414.a"));
  it("then the newest patch of x.y", () => expect(resolveRow(rows, "4.15", "arm64")?.version).toBe("415.10"));
  it("arch aliases match", () => expect(resolveRow(rows, "4.15.2", "ARM64")?.version).toBe("415.2"));
  it("the newest image version among equal keys", () =>
    expect(resolveRow(rows, "4.9", "aarch64")?.version).toBe("49.84.202107032011-0"));
  it("no row for another arch", () => expect(resolveRow(rows, "4.14", "s390x")).toBeNull());
  it("no row for another version", () => expect(resolveRow(rows, "4.16", "x86_64")).toBeNull());
});

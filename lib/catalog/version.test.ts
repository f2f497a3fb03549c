import { describe, expect, it } from "vitest";
import { atLeast, compareVersions, minorOf } from "./version";

describe("versions", () => {
  it("minorOf", () => {
    expect(minorOf("4.14.3")).toBe("4.14");
    expect(minorOf("4.9")).toBe("4.9");
    expect(minorOf("4.9.0-rc.4")).toBe("4.9");
    expect(minorOf("latest")).toBeNull();
  });
  it("orders numerically, pre-releases first", () => {
    const sorted = ["4.10.1", "4.9.0", "4.9.0-rc.4", "4.14", "4.9.10", "4.9.0-rc.10"].sort(compareVersions);
    expect(sorted).toEqual(["4.9.0-rc.4", "4.9.0-rc.10", "4.9.0", "4.9.10", "4.10.1", "4.14"]);
  });
  it("atLeast compares x.y", () => {
    expect(atLeast("4.10.3", "4.9")).toBe(true);
    expect(atLeast("4.8.57", "4.9")).toBe(false);
    expect(atLeast("4.9", "4.9")).toBe(true);
  });
});

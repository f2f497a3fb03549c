import { describe, expect, it } from "vitest";
import { composeKargs, KargsTooLongError, kargAreaBytes } from "./kargs";

describe("composeKargs", () => {
  const defaults = "console=ttyS0 coreos.liveiso=x ignition.firstboot ignition.platform.id=metal";
  it("appends, replaces by key and deletes", () => {
    expect(
      composeKargs(
        defaults,
        [
          { operation: "append", value: "rd.neednet=1" },
          { operation: "replace", value: "console=tty0" },
          { operation: "delete", value: "ignition.firstboot" },
          { operation: "delete", value: "ignition.platform.id" },
        ],
        ["coreos.live.rootfs_url=http://c/r.img"],
      ),
    ).toBe("console=tty0 coreos.liveiso=x rd.neednet=1 coreos.live.rootfs_url=http://c/r.img");
  });
  it("replace appends when the key is absent", () =>
    expect(composeKargs("a=1", [{ operation: "replace", value: "b=2" }])).toBe("a=1 b=2"));
});

describe("kargAreaBytes", () => {
  it("writes kargs, end, then pad", () => {
    expect(kargAreaBytes("a b", { length: 8, pad: "#", end: "\n" }).toString()).toBe("a b\n####");
    expect(kargAreaBytes("a", { length: 4, pad: "\0", end: "\0" })).toEqual(Buffer.from([0x61, 0, 0, 0]));
  });
  it("refuses kargs longer than the area", () =>
    expect(() => kargAreaBytes("x".repeat(8), { length: 8, pad: "#", end: "\n" })).toThrow(KargsTooLongError));
});

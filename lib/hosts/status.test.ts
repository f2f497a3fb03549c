// The host-status vocabulary: bound and unbound spellings, and how the console words them.
import { describe, expect, it } from "vitest";
import { baseStatus, hostStatus, isKnown, spellings, statusLabel, statusTone } from "./status";

describe("host statuses", () => {
  it("spells an unbound host's state with -unbound, as assisted-service does", () => {
    expect(hostStatus("known", true)).toBe("known");
    expect(hostStatus("known", false)).toBe("known-unbound");
    expect(spellings("disconnected")).toEqual(["disconnected", "disconnected-unbound"]);
  });

  it.each([
    ["discovering", "discovering", "Discovering", "info"],
    ["discovering-unbound", "discovering", "Discovering (unbound)", "info"],
    ["known", "known", "Known", "success"],
    ["known-unbound", "known", "Known (unbound)", "success"],
    ["insufficient-unbound", "insufficient", "Insufficient (unbound)", "warning"],
    ["disconnected-unbound", "disconnected", "Disconnected (unbound)", "danger"],
    ["installing", null, "installing", "neutral"],
    ["-unbound", null, "-unbound", "neutral"],
  ])("%s", (status, base, label, tone) => {
    expect(baseStatus(status)).toBe(base);
    expect(statusLabel(status)).toBe(label);
    expect(statusTone(status)).toBe(tone);
    expect(isKnown(status)).toBe(base === "known");
  });
});

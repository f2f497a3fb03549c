// Reading the sample initrd's serial-console report, as QEMU delivers it (CRLF, kernel noise).
import { describe, expect, it } from "vitest";
import { bootFinished, parseBootLog } from "./boot-log";

const boot = (body: string) =>
  `SeaBIOS\r\n[    1.2] Run /init as init process\r\nARCHWAY-INIT: arch=aarch64 kernel=6.1.0-50-arm64 uptime=1.74 0.00\r\n` +
  `ARCHWAY-CMDLINE: BOOT_IMAGE=/images/pxeboot/vmlinuz console=ttyAMA0,115200n8 panic=10\r\n${body}` +
  `[    1.9] reboot: Power down\r\n`;

describe("parseBootLog", () => {
  it("reads a pristine boot", () => {
    const log = boot("ARCHWAY-NO-IGNITION\r\n");
    expect(parseBootLog(log)).toEqual({
      reachedInit: true,
      arch: "aarch64",
      cmdline: "BOOT_IMAGE=/images/pxeboot/vmlinuz console=ttyAMA0,115200n8 panic=10",
      ignition: null,
    });
    expect(bootFinished(log)).toBe(true);
  });

  it.each([
    ["a config without a final newline", '{"ignition":{"version":"3.4.0"}}'],
    ["a config with a final newline", '{"ignition":{"version":"3.4.0"}}\n'],
    ["a multi-line config", '{\n  "ignition": {}\n}\n'],
    ["an empty config", ""],
  ])("returns %s exactly", (_, config) => {
    const log = boot(`ARCHWAY-IGNITION-BEGIN\r\n${config.replace(/\n/g, "\r\n")}\r\nARCHWAY-IGNITION-END\r\n`);
    expect(parseBootLog(log).ignition).toBe(config);
    expect(bootFinished(log)).toBe(true);
  });

  it("leaves ignition unset while the config is still being printed", () => {
    const log = boot('ARCHWAY-IGNITION-BEGIN\r\n{"ignition":');
    expect(parseBootLog(log)).toMatchObject({ reachedInit: true, arch: "aarch64" });
    expect(parseBootLog(log).ignition).toBeUndefined();
    expect(bootFinished(log)).toBe(false);
  });

  it("says when /init never ran", () => {
    expect(parseBootLog("BdsDxe: failed to load Boot0001\r\n")).toEqual({ reachedInit: false });
  });
});

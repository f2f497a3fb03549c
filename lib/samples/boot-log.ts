// Reads what the sample initrd's /init reported on the serial console (ARCHWAY-* markers,
// slim-initrd.ts): the guest's `uname -m`, its kernel command line, the Ignition config it found.
export type BootReport = {
  /** The initrd's /init ran: the ISO's boot loader, kernel and initrd all worked. */
  reachedInit: boolean;
  arch?: string;
  cmdline?: string;
  /** The config at /config.ign; null when the guest reported none; absent when it never said. */
  ignition?: string | null;
};

const BEGIN = "ARCHWAY-IGNITION-BEGIN\n";
const END = "\nARCHWAY-IGNITION-END";

/** Serial consoles turn "\n" into "\r\n"; the markers are matched on "\n" alone. */
export function normalizeSerial(raw: string): string {
  return raw.replace(/\r/g, "");
}

/** True once /init has reported everything, so the caller need not wait for the power-off (raw or normalized). */
export function bootFinished(log: string): boolean {
  return log.includes("ARCHWAY-NO-IGNITION") || log.includes(END);
}

export function parseBootLog(raw: string): BootReport {
  const log = normalizeSerial(raw);
  const init = /ARCHWAY-INIT: arch=(\S+)/.exec(log);
  if (!init) return { reachedInit: false };
  const report: BootReport = { reachedInit: true, arch: init[1] };
  const cmdline = /ARCHWAY-CMDLINE: (.*)/.exec(log);
  if (cmdline) report.cmdline = cmdline[1].trim();
  const begin = log.indexOf(BEGIN);
  const start = begin + BEGIN.length;
  // /init prints `cat /config.ign; echo`: the config, then exactly one "\n" before the end marker.
  const end = begin >= 0 ? log.indexOf(END, start) : -1;
  if (end >= 0) report.ignition = log.slice(start, end);
  else if (log.includes("ARCHWAY-NO-IGNITION")) report.ignition = null;
  return report;
}

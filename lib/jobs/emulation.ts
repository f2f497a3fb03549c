// Runs a foreign architecture's binaries through QEMU user emulation: binfmt_misc must be mounted
// and hold a qemu-<arch> handler with the F flag (interpreter opened at registration, so chroots
// need no qemu copy). Registers Debian's qemu-user-static handler when it is missing.
import "server-only";
import { execFile } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { type Arch, archDisplayName, hostArch } from "@/lib/arch";

const run = promisify(execFile);
const BINFMT = "/proc/sys/fs/binfmt_misc";

export type Emulation = { native: true } | { native: false; handler: string; interpreter: string };

export class EmulationUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "EmulationUnavailable";
  }
}

function handlerState(name: string): { enabled: boolean; interpreter: string; flags: string } | null {
  const file = `${BINFMT}/qemu-${name}`;
  if (!existsSync(file)) return null;
  const text = readFileSync(file, "utf8");
  return {
    enabled: /^enabled$/m.test(text),
    interpreter: /^interpreter (.+)$/m.exec(text)?.[1] ?? "",
    flags: /^flags: (\S*)$/m.exec(text)?.[1] ?? "",
  };
}

async function mountBinfmt(): Promise<void> {
  if (existsSync(`${BINFMT}/register`)) return;
  try {
    await run("mount", ["-t", "binfmt_misc", "binfmt_misc", BINFMT]);
  } catch (err) {
    throw new EmulationUnavailable(
      `binfmt_misc is not mounted and mounting it failed (${(err as Error).message.split("\n")[0]}); run as root: mount -t binfmt_misc binfmt_misc ${BINFMT}`,
    );
  }
}

/** Native for the host's own architecture; otherwise a working qemu-user handler, or it throws. */
export async function ensureEmulation(arch: Arch, host: Arch = hostArch()): Promise<Emulation> {
  if (arch === host) return { native: true };
  await mountBinfmt();
  let state = handlerState(arch);
  if (!state) {
    const conf = `/usr/lib/binfmt.d/qemu-${arch}.conf`;
    if (!existsSync(conf))
      throw new EmulationUnavailable(
        `No QEMU user emulation for ${archDisplayName(arch)}: apt-get install qemu-user-static`,
      );
    try {
      writeFileSync(`${BINFMT}/register`, readFileSync(conf, "utf8").trim());
    } catch (err) {
      throw new EmulationUnavailable(
        `Registering the ${arch} binfmt handler failed (${(err as Error).message}); run as root, or: update-binfmts --enable qemu-${arch}`,
      );
    }
    state = handlerState(arch);
  }
  if (!state?.enabled)
    throw new EmulationUnavailable(`The binfmt handler qemu-${arch} is disabled: echo 1 > ${BINFMT}/qemu-${arch}`);
  if (!state.flags.includes("F"))
    throw new EmulationUnavailable(
      `The binfmt handler qemu-${arch} lacks the F flag, so it cannot run inside a chroot; re-register it from /usr/lib/binfmt.d/qemu-${arch}.conf`,
    );
  if (!existsSync(state.interpreter))
    throw new EmulationUnavailable(
      `The qemu-${arch} interpreter ${state.interpreter} is missing: apt-get install qemu-user-static`,
    );
  return { native: false, handler: `qemu-${arch}`, interpreter: state.interpreter };
}

/**
 * Whether this machine can run `arch` binaries under emulation (for placement): a working qemu-<arch>
 * handler, or Debian's handler file that ensureEmulation registers on first use. Never throws.
 */
export function canEmulate(arch: Arch, host: Arch = hostArch()): boolean {
  if (arch === host) return false;
  const state = handlerState(arch);
  if (state) return state.enabled && state.flags.includes("F") && existsSync(state.interpreter);
  return existsSync(`/usr/lib/binfmt.d/qemu-${arch}.conf`);
}

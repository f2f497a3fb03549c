// What this process's worker can run: its native architecture (process.arch, named by lib/arch.ts),
// the ones it emulates (binfmt_misc, unless ARCHWAY_EMULATION=off) and how many jobs at once.
import "server-only";
import os from "node:os";
import { ARCHES, type Arch, hostArch } from "@/lib/arch";
import { env } from "@/lib/env";
import { canEmulate } from "../emulation";

export type Capabilities = { hostname: string; nativeArch: Arch; emulates: Arch[]; slots: number };

export function localCapabilities(): Capabilities {
  const nativeArch = hostArch();
  const emulation = env().ARCHWAY_EMULATION === "on";
  return {
    hostname: os.hostname(),
    nativeArch,
    emulates: emulation ? ARCHES.filter((a) => canEmulate(a, nativeArch)) : [],
    slots: env().ARCHWAY_JOB_CONCURRENCY,
  };
}

// Everything a sandboxed job step needs, made before the builder runs and undone after it: the
// emulation of a foreign arch, the scratch disk, the cgroup with its limits, and a watch that ends
// the job when it reaches one (a fork bomb does not end by itself; an OOM kill may leave the script
// running).
import "server-only";
import { type Arch, parseArch } from "@/lib/arch";
import { db, type Job } from "@/lib/db";
import { env } from "@/lib/env";
import type { BuildContext, JobContext } from "../context";
import { ensureEmulation } from "../emulation";
import { networkModeOf } from "../network-mode";
import { JobCgroup } from "./cgroup";
import { describeSandbox, limitReason, type SandboxSettings, sandboxSettings } from "./limits";
import { mountScratch, removeScratch, type Scratch, scratchOf } from "./scratch";

export type PreparedSandbox = {
  ctx: Omit<BuildContext, keyof JobContext>;
  /** The limit the job reached, if any (its failure reason). */
  limitReason: () => string | null;
  release: () => Promise<void>;
};

export async function prepareSandbox(
  job: Job,
  base: JobContext,
  abort: (reason: string) => void,
): Promise<PreparedSandbox> {
  const arch = parseArch(job.arch) as Arch;
  const emulation = await ensureEmulation(arch);
  void base.log.line(
    "creating",
    emulation.native
      ? `Running natively on ${arch}`
      : `Running ${arch} binaries under QEMU user emulation (${emulation.interpreter}); expect it to be about 10x slower`,
  );
  const settings: SandboxSettings = sandboxSettings(job.buildEnvSize);
  void base.log.line("creating", describeSandbox(settings));
  // Kept on the job (not only in its log) so its page can say which network it ran with, even after the
  // admin changes the setting.
  await db().job.update({ where: { id: job.id }, data: { networkMode: networkModeOf(settings.network) } });
  const scratch: Scratch = scratchOf(env().dataDir, job.id);
  let cgroup: JobCgroup | null = null;
  let watch: NodeJS.Timeout | undefined;
  const release = async () => {
    clearInterval(watch);
    await cgroup?.destroy().catch((e) => console.error(`[archway] job ${job.id}: ${e.message}`));
    await removeScratch(scratch).catch((e) => console.error(`[archway] job ${job.id}: ${e.message}`));
  };
  try {
    await mountScratch(scratch, settings.scratchGiB, settings.uidBase);
    const cg = await JobCgroup.create(env().dataDir, job.id, settings);
    cgroup = cg;
    watch = setInterval(() => {
      const hits = cg.hits();
      if (hits.oomKills || hits.pidsRefused) abort(limitReason(settings, cg, scratch.dir) ?? "a limit was reached");
    }, 100);
    return {
      ctx: {
        arch,
        emulation,
        workDir: scratch.dir,
        sandbox: { cgroup: cg, uidBase: settings.uidBase, network: settings.network },
      },
      limitReason: () => limitReason(settings, cg, scratch.dir),
      release,
    };
  } catch (err) {
    await release();
    throw err;
  }
}

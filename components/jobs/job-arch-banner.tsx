// What architecture a job about to start will have (its recipe's or image's, not a choice) and whether
// this console will run it natively or under emulation.
import { type Arch, archDisplayName, parseArch } from "@/lib/arch";

export type JobKind = "create" | "customize";
export type JobArtifact = { id: string; name: string; arch: string };

/**
 * The console's host architecture as far as the browser can tell: no API reports it, and the
 * console is deployed on x86_64. The created job's `emulated` flag is the truth; its page shows it.
 */
export const CONSOLE_HOST_ARCH: Arch = "x86_64";

export function JobArchBanner({ kind, artifact }: { kind: JobKind; artifact: JobArtifact }) {
  const arch = parseArch(artifact.arch);
  const name = arch ? archDisplayName(arch) : artifact.arch;
  const emulated = arch !== CONSOLE_HOST_ARCH;
  return (
    <div
      role="note"
      className={`rounded-md border px-3 py-2 text-sm ${emulated ? "border-amber-300 bg-amber-50 text-amber-900" : "border-sky-200 bg-sky-50 text-sky-900"}`}
    >
      <p>
        This job will run as <strong>{name}</strong> (inherited from the {kind === "create" ? "recipe" : "image"}{" "}
        {artifact.name}).
      </p>
      <p className="mt-0.5 text-xs">
        {emulated
          ? `The console host is ${archDisplayName(CONSOLE_HOST_ARCH)}, so the job will run under QEMU user emulation: expect it to be about 10x slower.`
          : `It will run natively on ${archDisplayName(CONSOLE_HOST_ARCH)}.`}{" "}
        The new image will be {name} too.
      </p>
    </div>
  );
}

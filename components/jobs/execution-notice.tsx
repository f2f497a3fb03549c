// Where a job runs: natively on the console host, or under QEMU user emulation (about 10x slower);
// and the network its sandbox had, as stored on the job when the sandbox was made.
import { archDisplayName, parseArch } from "@/lib/arch";
import { NETWORK_MODE_LABELS, type NetworkMode } from "@/lib/jobs/network-mode";

type Props = { arch: string; emulated: boolean; network?: NetworkMode; started: boolean };

function NetworkLine({ network, started }: Pick<Props, "network" | "started">) {
  // Jobs that never got a sandbox (still queued, or a step that runs no image content) have nothing to say.
  if (!network) return started ? null : <p className="text-xs">Network: decided when the job starts</p>;
  return (
    <p className="text-xs">
      Network: <span className="font-medium">{NETWORK_MODE_LABELS[network]}</span>
    </p>
  );
}

export function ExecutionNotice({ arch, emulated, network, started }: Props) {
  const name = archDisplayName(parseArch(arch) ?? "x86_64");
  if (emulated) {
    return (
      <div
        role="note"
        className="flex gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      >
        <span aria-hidden="true" className="font-bold">
          !
        </span>
        <div>
          <p className="font-medium">Runs under QEMU emulation, expect about 10x slower</p>
          <p className="text-xs">
            The job&apos;s architecture, {name}, differs from the console host&apos;s, so its binaries run through
            qemu-user (binfmt_misc).
          </p>
          <NetworkLine network={network} started={started} />
        </div>
      </div>
    );
  }
  return (
    <div role="note" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
      <p>Runs natively on {name}</p>
      <NetworkLine network={network} started={started} />
    </div>
  );
}

// Where a job runs: natively on the console host, or under QEMU user emulation (about 10x slower).
import { archDisplayName, parseArch } from "@/lib/arch";

export function ExecutionNotice({ arch, emulated }: { arch: string; emulated: boolean }) {
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
        </div>
      </div>
    );
  }
  return (
    <div role="note" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
      Runs natively on {name}
    </div>
  );
}

// The first thing the Generate dialog says: which hosts this ISO can boot, since a wrong-architecture
// ISO fails only at the console of the machine it was carried to.

import { ArchBadge } from "@/components/ui/arch-badge";
import type { InfraEnvJson } from "@/lib/api-client/infra-envs";
import { archDisplayName, parseArch } from "@/lib/arch";

export function IsoArchBanner({ infraEnv }: { infraEnv: InfraEnvJson }) {
  const display = archDisplayName(parseArch(infraEnv.cpu_architecture) ?? "x86_64");
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2.5">
      <p className="text-sm font-semibold text-sky-950">This ISO boots {display} hosts only</p>
      <span className="inline-flex items-center gap-2 text-sm text-sky-900">
        <ArchBadge arch={infraEnv.cpu_architecture} />
        <span className="tabular-nums">OpenShift {infraEnv.openshift_version || "—"}</span>
      </span>
    </div>
  );
}

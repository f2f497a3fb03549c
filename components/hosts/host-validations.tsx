// A host's validations by group, each passed, failed or pending, with its sentence.
import type { HostJson } from "@/lib/api-client/hosts";
import { GROUP_LABEL, type HostValidation, validationsOf } from "./format";

const MARK: Record<HostValidation["status"], { icon: string; label: string; className: string }> = {
  success: { icon: "✓", label: "Passed", className: "bg-green-100 text-green-800" },
  failure: { icon: "✕", label: "Failed", className: "bg-red-100 text-red-800" },
  error: { icon: "!", label: "Error", className: "bg-red-100 text-red-800" },
  pending: { icon: "…", label: "Pending", className: "bg-slate-100 text-slate-600" },
};

export function HostValidations({ host }: { host: HostJson }) {
  const groups = validationsOf(host);
  if (groups.length === 0) return <p className="text-sm text-slate-500">Not validated yet.</p>;
  return (
    <div className="space-y-3">
      {groups.map(({ group, items }) => (
        <div key={group}>
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            {GROUP_LABEL[group] ?? group}
          </h4>
          <ul className="mt-1 space-y-1">
            {items.map((v) => {
              const mark = MARK[v.status] ?? MARK.pending;
              return (
                <li key={v.id} className="flex items-start gap-2 text-sm" data-validation={v.id} data-status={v.status}>
                  <span
                    aria-hidden="true"
                    className={`mt-0.5 inline-flex size-4 shrink-0 items-center justify-center rounded-full text-[10px] font-bold ${mark.className}`}
                  >
                    {mark.icon}
                  </span>
                  <span className={v.status === "failure" ? "text-red-800" : "text-slate-700"}>
                    <span className="sr-only">{mark.label}: </span>
                    {v.message}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}

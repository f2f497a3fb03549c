"use client";
import { SelectField } from "@/components/ui/select-field";
// The jobs list's filters: status, type, architecture ("Any" leaves a filter out).
import { ARCHES, archDisplayName } from "@/lib/arch";
import { JOB_STATUSES, JOB_TYPES } from "@/lib/jobs/schemas";
import { statusLabel, typeLabel } from "./format";

export type JobsFilterValue = { status?: string; job_type?: string; arch?: string };

export function JobsFilters({ value, onChange }: { value: JobsFilterValue; onChange: (v: JobsFilterValue) => void }) {
  const set = (key: keyof JobsFilterValue) => (e: React.ChangeEvent<HTMLSelectElement>) =>
    onChange({ ...value, [key]: e.target.value || undefined });
  return (
    <div role="search" aria-label="Filter jobs" className="mb-3 grid grid-cols-1 gap-3 sm:grid-cols-3 lg:max-w-3xl">
      <SelectField label="Status" value={value.status ?? ""} onChange={set("status")}>
        <option value="">Any status</option>
        {JOB_STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </SelectField>
      <SelectField label="Type" value={value.job_type ?? ""} onChange={set("job_type")}>
        <option value="">Any type</option>
        {JOB_TYPES.map((t) => (
          <option key={t} value={t}>
            {typeLabel(t)}
          </option>
        ))}
      </SelectField>
      <SelectField label="CPU architecture" value={value.arch ?? ""} onChange={set("arch")}>
        <option value="">Any architecture</option>
        {ARCHES.map((a) => (
          <option key={a} value={a}>
            {archDisplayName(a)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

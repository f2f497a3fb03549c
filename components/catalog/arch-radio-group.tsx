"use client";
// The CPU architecture choice: every architecture listed, the unavailable ones disabled with why.
import type { ReactNode } from "react";
import { RadioGroup } from "@/components/ui/radio-group";
import { type ArchOrMulti, archDisplayName } from "@/lib/arch";
import { type ArchAvailability, supportLevelLabel } from "@/lib/catalog/arch-availability";

type ArchRadioGroupProps<A extends ArchOrMulti> = {
  name: string;
  value: A;
  options: ArchAvailability<A>[];
  onChange: (arch: A) => void;
  hint?: ReactNode;
  error?: string[] | null;
  /** Whether to mention single-node-only limits (they concern clusters, not infra-envs). */
  showTopology?: boolean;
};

function noteFor(option: ArchAvailability, showTopology: boolean): string | null {
  const parts = [
    supportLevelLabel(option.level),
    showTopology && option.singleNodeOnlyReason ? "single-node only" : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}

export function ArchRadioGroup<A extends ArchOrMulti>({
  name,
  value,
  options,
  onChange,
  hint,
  error,
  showTopology = true,
}: ArchRadioGroupProps<A>) {
  return (
    <RadioGroup<A>
      legend="CPU architecture"
      name={name}
      value={value}
      onChange={onChange}
      hint={hint}
      error={error}
      options={options.map((o) => ({
        value: o.arch,
        label: archDisplayName(o.arch),
        disabled: !o.available,
        reason: o.reason,
        note: noteFor(o, showTopology),
        noteTone: "warning",
      }))}
    />
  );
}

"use client";
// Control plane topology: highly available or single-node; some architectures allow only the latter.
import { RadioGroup } from "@/components/ui/radio-group";
import type { ControlPlane } from "./cluster-form-state";

type ControlPlaneFieldProps = {
  value: ControlPlane;
  onChange: (value: ControlPlane) => void;
  /** Set when the architecture at this version installs single-node clusters only. */
  singleNodeOnlyReason: string | null;
  error?: string[];
};

export function ControlPlaneField({ value, onChange, singleNodeOnlyReason, error }: ControlPlaneFieldProps) {
  return (
    <RadioGroup<ControlPlane>
      legend="Control plane"
      name="control-plane"
      value={value}
      onChange={onChange}
      error={error}
      layout="grid"
      options={[
        {
          value: "3",
          label: "3 nodes (highly available)",
          note: "Three hosts run the control plane",
          disabled: singleNodeOnlyReason !== null,
          reason: singleNodeOnlyReason,
        },
        { value: "1", label: "Single-node OpenShift", note: "One host runs the control plane and workloads" },
      ]}
    />
  );
}

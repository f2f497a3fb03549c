"use client";
// Optional OLM operators; those the chosen version, architecture or topology cannot run are
// disabled with the reason the server would give.
import { useId } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError } from "@/components/ui/field-error";
import { OPERATORS } from "@/lib/catalog/operators";
import { type ClusterFormValues, operatorDependencies, operatorReason } from "./cluster-form-state";

type OperatorsFieldProps = { values: ClusterFormValues; onChange: (operators: string[]) => void; error?: string[] };

export function OperatorsField({ values, onChange, error }: OperatorsFieldProps) {
  const id = useId();
  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...values.operators, name] : values.operators.filter((n) => n !== name));
  return (
    <fieldset aria-describedby={error?.length ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">Operators</legend>
      <div className="mt-2 space-y-2.5 rounded-md border border-slate-200 px-3 py-3">
        {OPERATORS.map((op) => {
          const reason = operatorReason(op.name, values);
          const checked = values.operators.includes(op.name);
          const deps = operatorDependencies(op.name);
          return (
            <Checkbox
              key={op.name}
              label={op.title}
              description={op.description}
              checked={checked && reason === null}
              disabled={reason !== null}
              reason={reason}
              note={checked && deps.length ? `also installs ${deps.join(", ")}` : null}
              onChange={(on) => toggle(op.name, on)}
            />
          );
        })}
      </div>
      <FieldError id={`${id}-error`} messages={error} />
    </fieldset>
  );
}

"use client";
// Label, hint and error wiring shared by the text, textarea and select fields.
import { type ReactNode, useId } from "react";
import { FieldError, hasErrors } from "./field-error";

export type FieldProps = { label: ReactNode; hint?: ReactNode; error?: string[] | string | null; optional?: boolean };

export type ControlIds = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

export function Field({
  label,
  hint,
  error,
  optional,
  id: givenId,
  children,
}: FieldProps & { id?: string; children: (ids: ControlIds) => ReactNode }) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = hasErrors(error);
  const describedBy = [invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {optional ? <span className="ml-1 font-normal text-slate-500">(optional)</span> : null}
      </label>
      <div className="mt-1">
        {children({ id, "aria-describedby": describedBy, ...(invalid ? { "aria-invalid": true as const } : {}) })}
      </div>
      <FieldError id={errorId} messages={error} />
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export const controlClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-sky-600 focus:outline-2 focus:outline-offset-0 focus:outline-sky-600/30 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600 aria-invalid:border-red-500";

"use client";
// Native radios in a fieldset with a legend. A disabled option says why, in visible text that is
// also its accessible description.
import { type ReactNode, useId } from "react";
import { FieldError, hasErrors } from "./field-error";

export type RadioOption<V extends string> = {
  value: V;
  label: ReactNode;
  /** Secondary text shown for an enabled option. */
  note?: ReactNode;
  /** "warning" for caveats such as a preview support level. */
  noteTone?: "muted" | "warning";
  disabled?: boolean;
  /** Why the option is disabled. */
  reason?: string | null;
};

type RadioGroupProps<V extends string> = {
  legend: ReactNode;
  name: string;
  value: V;
  onChange: (value: V) => void;
  options: RadioOption<V>[];
  hint?: ReactNode;
  error?: string[] | string | null;
  layout?: "stack" | "grid";
};

export function RadioGroup<V extends string>({
  legend,
  name,
  value,
  onChange,
  options,
  hint,
  error,
  layout = "stack",
}: RadioGroupProps<V>) {
  const id = useId();
  const invalid = hasErrors(error);
  const describedBy =
    [invalid ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} className="min-w-0">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <div className={`mt-2 ${layout === "grid" ? "grid gap-2 sm:grid-cols-2" : "space-y-1.5"}`}>
        {options.map((opt) => {
          const optId = `${id}-${opt.value}`;
          const extra = opt.disabled ? opt.reason : opt.note;
          return (
            <div
              key={opt.value}
              className={`flex items-start gap-2.5 rounded-md border px-3 py-2 ${
                opt.disabled
                  ? "border-slate-200 bg-slate-50"
                  : value === opt.value
                    ? "border-sky-600 bg-sky-50"
                    : "border-slate-200 bg-white hover:border-slate-300"
              }`}
            >
              <input
                type="radio"
                id={optId}
                name={name}
                value={opt.value}
                checked={value === opt.value}
                disabled={opt.disabled}
                aria-describedby={extra ? `${optId}-desc` : undefined}
                onChange={() => onChange(opt.value)}
                className="mt-0.5 size-4 shrink-0 accent-sky-700 disabled:cursor-not-allowed"
              />
              <div className="min-w-0 text-sm">
                <label
                  htmlFor={optId}
                  className={
                    opt.disabled ? "cursor-not-allowed text-slate-500" : "cursor-pointer font-medium text-slate-900"
                  }
                >
                  {opt.label}
                </label>
                {extra ? (
                  <p
                    id={`${optId}-desc`}
                    className={`text-xs ${opt.disabled || opt.noteTone !== "warning" ? "text-slate-500" : "text-amber-700"}`}
                  >
                    {extra}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
      <FieldError id={`${id}-error`} messages={error} />
    </fieldset>
  );
}

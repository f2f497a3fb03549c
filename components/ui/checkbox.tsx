"use client";
// A labelled checkbox with a description; when disabled, the reason is shown and described.
import { type ReactNode, useId } from "react";

type CheckboxProps = {
  label: ReactNode;
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  reason?: string | null;
  /** Extra line for an enabled, checked box (e.g. what else it installs). */
  note?: ReactNode;
};

export function Checkbox({ label, description, checked, onChange, disabled, reason, note }: CheckboxProps) {
  const id = useId();
  type Line = { key: string; text: ReactNode; cls: string };
  const lines: Line[] = [];
  if (description) lines.push({ key: "d", text: description, cls: "text-slate-600" });
  if (disabled && reason) lines.push({ key: "r", text: reason, cls: "text-slate-500 italic" });
  if (!disabled && note) lines.push({ key: "n", text: note, cls: "text-sky-800" });
  return (
    <div className="flex items-start gap-2.5">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={lines.length ? lines.map((l) => `${id}-${l.key}`).join(" ") : undefined}
        className="mt-0.5 size-4 shrink-0 rounded accent-sky-700 disabled:cursor-not-allowed"
      />
      <div className="min-w-0 text-sm">
        <label
          htmlFor={id}
          className={disabled ? "cursor-not-allowed text-slate-500" : "cursor-pointer font-medium text-slate-900"}
        >
          {label}
        </label>
        {lines.map((l) => (
          <p key={l.key} id={`${id}-${l.key}`} className={`text-xs ${l.cls}`}>
            {l.text}
          </p>
        ))}
      </div>
    </div>
  );
}

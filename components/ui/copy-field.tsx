"use client";
// A read-only value (link, command, digest) in a labelled field with a Copy button beside it.
import { type ReactNode, useRef } from "react";
import { CopyButton } from "./copy-button";
import { controlClass, Field } from "./field";

type CopyFieldProps = { label: ReactNode; value: string; what: string; hint?: ReactNode; mono?: boolean };

export function CopyField({ label, value, what, hint, mono = true }: CopyFieldProps) {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <Field label={label} hint={hint}>
      {(ids) => (
        <div className="flex gap-2">
          <input
            {...ids}
            ref={ref}
            readOnly
            value={value}
            onFocus={(e) => e.currentTarget.select()}
            className={`${controlClass} h-8 min-w-0 bg-slate-50 ${mono ? "font-mono text-xs" : ""}`}
          />
          <CopyButton value={value} what={what} target={ref} />
        </div>
      )}
    </Field>
  );
}

"use client";
// A labelled native <select> with hint and inline error.
import type { SelectHTMLAttributes } from "react";
import { controlClass, Field, type FieldProps } from "./field";

export function SelectField({
  label,
  hint,
  error,
  optional,
  id,
  className = "",
  children,
  ...props
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional} id={id}>
      {(ids) => (
        <select {...props} {...ids} className={`${controlClass} h-9 pr-8 ${className}`}>
          {children}
        </select>
      )}
    </Field>
  );
}

"use client";
// Labelled single-line and multi-line text inputs with hint and inline error.
import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";
import { controlClass, Field, type FieldProps } from "./field";

export function TextField({
  label,
  hint,
  error,
  optional,
  id,
  className = "",
  ...props
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional} id={id}>
      {(ids) => <input {...props} {...ids} className={`${controlClass} h-9 ${className}`} />}
    </Field>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  optional,
  id,
  className = "",
  ...props
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional} id={id}>
      {(ids) => <textarea rows={3} {...props} {...ids} className={`${controlClass} font-mono text-xs ${className}`} />}
    </Field>
  );
}

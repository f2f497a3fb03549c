"use client";
// Template variables (template_dictionary): key/value rows to add and remove. Each row's errors are
// shown under it and described on its inputs.
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { newRow, type VariableErrors, type VariableRow } from "./template-variables";

type Props = { rows: VariableRow[]; onChange: (rows: VariableRow[]) => void; errors?: VariableErrors };

export function TemplateVariablesField({ rows, onChange, errors }: Props) {
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);

  useEffect(() => {
    if (focusRow === null) return;
    listRef.current?.querySelector<HTMLInputElement>(`[data-row="${focusRow}"]`)?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const add = () => {
    const row = newRow();
    onChange([...rows, row]);
    setFocusRow(row.id);
  };
  const remove = (rowId: number) => {
    onChange(rows.filter((r) => r.id !== rowId));
    fieldsetRef.current?.querySelector<HTMLElement>("[data-add-variable]")?.focus();
  };
  const set = (rowId: number, patch: Partial<VariableRow>) =>
    onChange(rows.map((r) => (r.id === rowId ? { ...r, ...patch } : r)));

  const fieldErrors = errors?.field ?? [];
  return (
    <fieldset
      ref={fieldsetRef}
      aria-describedby={`${id}-hint${fieldErrors.length ? ` ${id}-error` : ""}`}
      className="min-w-0"
    >
      <legend className="text-sm font-medium text-slate-800">
        Template variables <span className="font-normal text-slate-500">(optional)</span>
      </legend>
      <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">
        Values for the <code>{"{{ NAME }}"}</code> variables in the files the archive&apos;s{" "}
        <code>.ims_recipe_template.yaml</code> lists.
      </p>
      <div ref={listRef} className="mt-2 space-y-2">
        {rows.length ? (
          <div
            aria-hidden="true"
            className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_5.5rem] gap-2 text-xs font-medium text-slate-600"
          >
            <span>Key</span>
            <span>Value</span>
          </div>
        ) : null}
        {rows.map((row, i) => {
          const rowErrors = errors?.rows[row.id] ?? [];
          const errorId = `${id}-row-${row.id}-error`;
          const described = rowErrors.length ? { "aria-describedby": errorId, "aria-invalid": true as const } : {};
          return (
            <div key={row.id}>
              <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_5.5rem] items-center gap-2">
                <input
                  data-row={row.id}
                  aria-label={`Variable ${i + 1} key`}
                  autoComplete="off"
                  placeholder="RELEASE"
                  value={row.key}
                  onChange={(e) => set(row.id, { key: e.target.value })}
                  className={`${controlClass} h-8 font-mono text-xs`}
                  {...described}
                />
                <input
                  aria-label={`Variable ${i + 1} value`}
                  autoComplete="off"
                  value={row.value}
                  onChange={(e) => set(row.id, { value: e.target.value })}
                  className={`${controlClass} h-8 font-mono text-xs`}
                  {...described}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => remove(row.id)}
                  aria-label={`Remove variable ${i + 1}${row.key ? ` (${row.key})` : ""}`}
                >
                  Remove
                </Button>
              </div>
              <FieldError id={errorId} messages={rowErrors} />
            </div>
          );
        })}
      </div>
      <Button data-add-variable size="sm" className="mt-2" onClick={add}>
        Add variable
      </Button>
      <FieldError id={`${id}-error`} messages={fieldErrors} />
    </fieldset>
  );
}

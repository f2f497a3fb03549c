"use client";
// Name and architecture filters above an IMS list. The name is sent once typing pauses.
import { useEffect, useRef, useState } from "react";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { ArchOptions } from "./arch-options";

export type ListFilterValues = { name: string; arch: string };

type ListFiltersProps = { value: ListFilterValues; onChange: (value: ListFilterValues) => void; what: string };

export function ListFilters({ value, onChange, what }: ListFiltersProps) {
  const [text, setText] = useState(value.name);
  const name = useDebouncedValue(text, 300);
  const latest = useRef({ value, onChange, name });
  useEffect(() => {
    latest.current = { value, onChange, name };
  });

  useEffect(() => {
    const { value, onChange } = latest.current;
    if (name !== value.name) onChange({ ...value, name });
  }, [name]);

  // A change from outside ("Clear filters"), not the echo of what was typed here.
  useEffect(() => {
    if (value.name !== latest.current.name) setText(value.name);
  }, [value.name]);

  return (
    <div role="search" aria-label={`Filter ${what}`} className="mb-3 flex flex-wrap items-end gap-3">
      <div className="w-64">
        <TextField
          label="Name"
          type="search"
          placeholder="Any name"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="w-56">
        <SelectField
          label="Architecture"
          value={value.arch}
          onChange={(e) => onChange({ ...value, arch: e.target.value })}
        >
          <option value="">All architectures</option>
          <ArchOptions />
        </SelectField>
      </div>
    </div>
  );
}

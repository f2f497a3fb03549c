// Template variables as editable rows (with stable ids for React and for routing errors), and the
// template_dictionary the API takes. Rows left entirely blank are dropped, not sent.
import type { FieldErrors } from "@/lib/api-client/api-error";

export type VariableRow = { id: number; key: string; value: string };

let nextId = 1;
export const newRow = (key = "", value = ""): VariableRow => ({ id: nextId++, key, value });

export const rowsOf = (dictionary: { key: string; value: string }[]) => dictionary.map((d) => newRow(d.key, d.value));

/** The dictionary to send, and which row each of its entries came from. */
export function toDictionary(rows: VariableRow[]): { dictionary: { key: string; value: string }[]; rowIds: number[] } {
  const kept = rows.filter((r) => r.key.trim() !== "" || r.value !== "");
  return { dictionary: kept.map(({ key, value }) => ({ key, value })), rowIds: kept.map((r) => r.id) };
}

export type VariableErrors = { field: string[]; rows: Record<number, string[]> };

/** Sorts `template_dictionary…` errors onto their rows ("template_dictionary.2.key" → row 3's id). */
export function variableErrors(errors: FieldErrors, rowIds: number[]): VariableErrors {
  const out: VariableErrors = { field: [], rows: {} };
  for (const [key, messages] of Object.entries(errors)) {
    const m = /^template_dictionary[.[](\d+)\]?(?:\.(key|value))?/.exec(key);
    const id = m ? rowIds[Number(m[1])] : undefined;
    if (id !== undefined)
      (out.rows[id] ??= []).push(
        ...messages.map((msg) => (m![2] ? `${m![2] === "key" ? "Key" : "Value"}: ${msg}` : msg)),
      );
    else if (key === "template_dictionary" || key.startsWith("template_dictionary")) out.field.push(...messages);
  }
  return out;
}

export function isVariableKey(key: string): boolean {
  return (
    key === "template_dictionary" || key.startsWith("template_dictionary.") || key.startsWith("template_dictionary[")
  );
}

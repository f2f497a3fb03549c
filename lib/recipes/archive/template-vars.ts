// Finds the Jinja2 variables (`{{ NAME }}`, `{{- NAME | filter }}`) a file uses, chunk by chunk,
// so template files need not be held in memory and may come before the list that names them.
import type { EntrySink } from "./walk-tar";

/** The variable is the first name in the expression; the lookahead wants the rest of it in view. */
const VAR = /\{\{-?\s*([A-Za-z_][A-Za-z0-9_]{0,127})(?=\s*(?:-?\}\}|[|.[(]))/g;
/** Enough of the previous chunk to complete an expression split across chunks. */
const CARRY = 256;
const MAX_VARS_PER_FILE = 256;

export function findTemplateVars(text: string, into = new Set<string>()): Set<string> {
  for (const m of text.matchAll(VAR)) {
    if (into.size >= MAX_VARS_PER_FILE) break;
    into.add(m[1]);
  }
  return into;
}

export function scanTemplateVars(done: (vars: Set<string>) => void): EntrySink {
  const vars = new Set<string>();
  let carry = "";
  return {
    write(chunk) {
      // latin1 maps bytes 1:1, so a multi-byte character split across chunks cannot hide a brace.
      if (!chunk.includes(0x7b) && !carry.includes("{{")) {
        carry = chunk.subarray(-CARRY).toString("latin1");
        return;
      }
      const text = carry + chunk.toString("latin1");
      findTemplateVars(text, vars);
      carry = text.slice(-CARRY);
    },
    end() {
      if (vars.size > 0) done(vars);
    },
  };
}

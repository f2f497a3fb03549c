// Reads `.ims_recipe_template.yaml`: the `template_files` list IMS renders with the recipe's
// template_dictionary. Only that simple shape is understood (block or flow list of paths).
export type TemplateList = { files: string[] } | { problem: string };

export function parseTemplateList(text: string): TemplateList {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => /^template_files\s*:/.test(l));
  if (at < 0) return { problem: "it has no template_files key, so IMS templates nothing" };
  const inline = stripComment(lines[at].replace(/^template_files\s*:/, "")).trim();
  if (inline !== "") {
    const flow = /^\[(.*)\]$/.exec(inline);
    if (!flow) return { problem: "template_files must be a list of paths" };
    const items = flow[1].split(",").map((s) => unquote(s.trim()));
    return { files: items.filter((s) => s !== "") };
  }
  const files: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const content = stripComment(line);
    if (content.trim() === "") continue;
    const item = /^\s*-\s+(.*)$/.exec(content) ?? /^\s*-$/.exec(content);
    if (!item) {
      if (/^\S/.test(content)) break; // the next top-level key
      return { problem: `cannot read the line "${line.trim()}" under template_files` };
    }
    const value = unquote((item[1] ?? "").trim());
    if (value === "") return { problem: "template_files has an empty item" };
    files.push(value);
  }
  return { files };
}

/** A `#` starts a comment at the line's start or after a space, outside quotes. */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  return line;
}

function unquote(s: string): string {
  const m = /^(['"])(.*)\1$/.exec(s);
  return m ? m[2] : s;
}

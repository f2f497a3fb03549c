// Quoting for values written into systemd unit files (ExecStart= arguments, Environment=,
// DefaultEnvironment=). Values come from operators and requests (proxy URLs, the console's URL);
// unquoted, a space adds an argument and a newline adds a directive (ExecStartPre=…).

/** One double-quoted word: C escapes for quotes, backslashes and every control character; `%`
 *  (specifiers) and, for command lines, `$` (variable expansion) doubled so they stay literal. */
export function systemdQuote(value: string, { commandLine = false } = {}): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\\" || ch === '"') out += `\\${ch}`;
    else if (ch === "%") out += "%%";
    else if (ch === "$" && commandLine) out += "$$";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `"${out}"`;
}

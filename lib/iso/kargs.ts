// Kernel arguments for a discovery ISO: the live ISO's defaults edited by the infra-env's
// operations, written into karg areas (kargs, the area's end byte, then its pad byte to the size).
import type { KargArea } from "./embed-areas";

/**
 * One kernel argument as written into the ISO's GRUB and isolinux configs. Nothing that would need
 * quoting there: no spaces or control characters (a new line is a new GRUB command), no quotes, and
 * none of GRUB's command separators, variable expansion, globbing or comment characters.
 */
export const KARG = /^[A-Za-z0-9!%+,\-./:=@[\]^_~]+$/;

export class UnsafeKargError extends Error {
  constructor(readonly arg: string) {
    super(
      `The kernel argument ${JSON.stringify(arg.slice(0, 200))} holds characters a boot config cannot carry unquoted; use letters, digits and ! % + , - . / : = @ [ ] ^ _ ~`,
    );
    this.name = "UnsafeKargError";
  }
}

export type KargOp = { operation: "append" | "replace" | "delete"; value: string };

const keyOf = (arg: string) => arg.split("=")[0];

/** The ISO's own defaults are kept as they are; every argument added here must match KARG. */
export function composeKargs(defaults: string, ops: KargOp[], extra: string[] = []): string {
  for (const arg of [...ops.map((o) => o.value), ...extra]) if (!KARG.test(arg)) throw new UnsafeKargError(arg);
  let args = defaults.split(/\s+/).filter(Boolean);
  for (const op of ops) {
    if (op.operation === "append") args.push(op.value);
    else if (op.operation === "delete")
      args = args.filter((a) => a !== op.value && !(op.value === keyOf(op.value) && keyOf(a) === op.value));
    else {
      const i = args.findIndex((a) => keyOf(a) === keyOf(op.value));
      if (i >= 0) args[i] = op.value;
      else args.push(op.value);
    }
  }
  return [...args, ...extra].join(" ");
}

export class KargsTooLongError extends Error {
  constructor(
    readonly length: number,
    readonly size: number,
  ) {
    super(
      `The kernel arguments are ${length} bytes; the ISO's karg area holds ${size - 1}. Remove some kernel_arguments.`,
    );
    this.name = "KargsTooLongError";
  }
}

export function kargAreaBytes(kargs: string, area: Pick<KargArea, "length" | "pad" | "end">): Buffer {
  const text = Buffer.from(kargs.trim(), "utf8");
  if (text.length + 1 > area.length) throw new KargsTooLongError(text.length, area.length);
  const out = Buffer.alloc(area.length, area.pad);
  text.copy(out);
  out.write(area.end, text.length);
  return out;
}

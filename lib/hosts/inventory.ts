// The hardware inventory a discovery agent reports (assisted-service's `inventory` definition):
// the fields Archway reads are checked, anything else the agent sends is kept as it came.
import { z } from "zod";
import { addFieldError, emptyFieldErrors } from "@/lib/http/errors";
import { fieldErrorsOf, summarise } from "@/lib/http/zod-errors";
import { jsonDepth, MAX_JSON_DEPTH } from "@/lib/validation/fields";

const count = z.number().int().min(0);
const bytes = z.number().int().min(0);
const text = z.string().max(4096);

const disk = z.looseObject({
  name: text,
  path: text.optional(),
  by_path: text.optional(),
  by_id: text.optional(),
  id: text.optional(),
  drive_type: text.optional(),
  size_bytes: bytes,
  model: text.optional(),
  vendor: text.optional(),
  serial: text.optional(),
  removable: z.boolean().optional(),
  bootable: z.boolean().optional(),
  /** The disk holding the discovery ISO itself (a virtual CD or the USB stick it booted from). */
  is_installation_media: z.boolean().optional(),
  /** Not in the anchor's definition: a small agent that cannot tell otherwise may say so plainly. */
  read_only: z.boolean().optional(),
});

const nic = z.looseObject({
  name: text,
  mac_address: text.optional(),
  ipv4_addresses: z.array(text).max(256).optional(),
  ipv6_addresses: z.array(text).max(256).optional(),
  speed_mbps: z.number().optional(),
  mtu: z.number().int().optional(),
  has_carrier: z.boolean().optional(),
  product: text.optional(),
  vendor: text.optional(),
});

export const inventorySchema = z.looseObject({
  hostname: text.optional(),
  cpu: z.looseObject({
    architecture: z.string().min(1).max(64),
    count: count,
    model_name: text.optional(),
    frequency: z.number().optional(),
    flags: z.array(z.string()).max(1024).optional(),
  }),
  memory: z.looseObject({ physical_bytes: bytes, usable_bytes: bytes.optional() }),
  disks: z.array(disk).max(1024),
  interfaces: z.array(nic).max(1024),
  system_vendor: z
    .looseObject({
      manufacturer: text.optional(),
      product_name: text.optional(),
      serial_number: text.optional(),
      virtual: z.boolean().optional(),
    })
    .optional(),
  boot: z.looseObject({ current_boot_mode: text.optional(), pxe_interface: text.optional() }).optional(),
  bmc_address: text.optional(),
  timestamp: z.number().optional(),
});

export type Inventory = z.output<typeof inventorySchema>;
export type InventoryDisk = Inventory["disks"][number];

export type ParsedInventory =
  | { ok: true; inventory: Inventory }
  | { ok: false; detail: string; errors: Record<string, string[]> };

/**
 * What validation lets through but must not be stored: an own `__proto__` key (JSON.parse makes one;
 * zod would drop it, or make it a prototype) and a NUL character (PostgreSQL's jsonb refuses \u0000),
 * anywhere in the document, as [field, message].
 */
function unstorable(doc: unknown): [string, string][] {
  const found: [string, string][] = [];
  const stack: [unknown, string][] = [[doc, ""]];
  const at = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (stack.length) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === "string" && value.includes("\u0000"))
      found.push([path, "NUL characters (\\u0000) cannot be stored"]);
    if (!value || typeof value !== "object") continue;
    if (!Array.isArray(value) && Object.hasOwn(value, "__proto__"))
      found.push([at(path, "__proto__"), "__proto__ is not a usable key"]);
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) found.push([at(path, k), "NUL characters (\\u0000) cannot be stored"]);
      stack.push([v, at(path, k)]);
    }
  }
  return found;
}

/** The `output` of an inventory step reply: JSON text (or the object). Problems name the field, prefixed `inventory.`. */
export function parseInventory(output: string | object): ParsedInventory {
  let doc: unknown = output;
  if (typeof output === "string") {
    // As for request bodies: what walks the parsed value (zod, Prisma, JSON.stringify) recurses.
    if (jsonDepth(output) > MAX_JSON_DEPTH) {
      const why = `At most ${MAX_JSON_DEPTH} levels of nested arrays and objects`;
      return { ok: false, detail: `Malformed inventory: ${why}`, errors: { inventory: [why] } };
    }
    try {
      doc = JSON.parse(output);
    } catch (err) {
      const why = `Not valid JSON: ${(err as Error).message}`;
      return { ok: false, detail: `Malformed inventory: ${why}`, errors: { inventory: [why] } };
    }
  }
  const res = inventorySchema.safeParse(doc);
  const errors = res.success ? emptyFieldErrors() : fieldErrorsOf(res.error, "inventory");
  for (const [path, why] of unstorable(doc)) addFieldError(errors, path ? `inventory.${path}` : "inventory", why);
  if (res.success && Object.keys(errors).length === 0) return { ok: true, inventory: res.data };
  return { ok: false, detail: `Malformed inventory: ${summarise(errors)}`, errors };
}

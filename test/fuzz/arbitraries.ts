// Generators of requests that are malformed by construction: each case carries one defect that alone
// makes the request invalid, whatever else it holds, and says what the answer must then be (the
// status, the field `errors` names). Valid requests are never generated, so every case must be a 4xx.
import fc from "fast-check";

export type Case = {
  defect: string;
  body?: Uint8Array; // always bytes: a string body would get a text/plain Content-Type from Request
  headers: Record<string, string>;
  query?: Record<string, string>;
  id?: string; // replaces the path parameter
  params?: Record<string, string>; // replaces any path parameters, after `id`
  status?: number;
  field?: string;
  message?: string;
};

export const PROTO_KEYS = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "prototype",
  "isPrototypeOf",
  "__defineGetter__",
];

/** Short lowercase words (fc.stringMatching is slow to generate from, and these run 10,000 times). */
const word = (minLength = 1) =>
  fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength, maxLength: 8 });
const bytes = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

/** A copy with one more own key, even `__proto__` (an assignment would set the prototype instead). */
function withKey(o: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...o };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const smallJson = fc.jsonValue({ maxDepth: 2 });
const anyArray = fc.array(smallJson, { maxLength: 3 });
const anyObject = fc.dictionary(fc.string({ maxLength: 8 }), smallJson, { maxKeys: 3 });

/** JSON types per field, and values of any other type (never null: clearable fields take null). */
export type Kind = "string" | "int" | "number" | "bool" | "array" | "object";
export const WRONG: Record<Kind, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.integer(), fc.boolean(), anyArray, anyObject),
  int: fc.oneof(
    fc.string(),
    fc.boolean(),
    anyArray,
    anyObject,
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).filter((d) => !Number.isInteger(d)),
  ),
  number: fc.oneof(fc.string(), fc.boolean(), anyArray, anyObject),
  bool: fc.oneof(fc.string(), fc.integer(), anyArray, anyObject),
  array: fc.oneof(fc.string(), fc.integer(), fc.boolean(), anyObject),
  object: fc.oneof(fc.string(), fc.integer(), fc.boolean(), anyArray),
};

const INVISIBLE = [
  ..."\u200b\u200c\u200d\u2060\ufeff\u00ad\u202e\u202a\u2066\u200e\u3164 \t\n\r\u00a0\u3000\u2028",
  ..."\u0000\u0001\u0007\u001b\u007f\u0085\u009b\u009f",
];
const CONTROL = [..."\u0000\u0001\u0008\u000b\u001b\u001f\u007f\u0080\u0085\u009f\u202e\u202d\u2066\u2069\u200f"];
/** Names drawing nothing (refused as invisible) and names with a control character inside. */
export const invisibleName = fc
  .array(fc.constantFrom(...INVISIBLE), { minLength: 1, maxLength: 8 })
  .map((a) => a.join(""));
export const nameWithControl = fc.tuple(word(), fc.constantFrom(...CONTROL), word()).map(([a, c, b]) => `${a}${c}${b}`);

const BAD_UTF8 = [[0xff], [0xfe], [0xc0, 0x80], [0xc1, 0xbf], [0x80], [0xbf], [0xe2, 0x82], [0xed, 0xa0, 0x80]]
  .concat([
    [0xf4, 0x90, 0x80, 0x80],
    [0xf8, 0x88, 0x80, 0x80, 0x80],
    [0xf0, 0x9f, 0x98],
  ])
  .map((b) => Uint8Array.from(b));

const NOT_JSON_TYPES = [
  "text/plain",
  "text/plain; charset=utf-8",
  "text/json",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/jsonp",
  "application/javascript",
  "image/png",
  "*/*",
];
const JSON_TYPES = ["application/json", "application/json; charset=utf-8", "application/merge-patch+json"];
/** With a body that is invalid anyway, the Content-Type may be any JSON type (a missing one is its own defect, 415). */
const jsonTypeOrNone = fc.constantFrom(...JSON_TYPES);
const typeHeader = (t: string | undefined): Record<string, string> => (t ? { "content-type": t } : {});

export type BodySpec = {
  /** A body this route accepts (or that fails only later, in the service). */
  base: Record<string, unknown>;
  /** Every key the schema knows (so "unknown" keys really are unknown). */
  known: string[];
  /** Fields whose JSON type is fixed, and that type. */
  fields: Record<string, Kind>;
  /** Name fields: invisible names and control characters are refused there. */
  names?: string[];
  maxBodyBytes: number;
  /** False when the schema drops unknown keys (they are then no defect). */
  strict?: boolean;
};

/** A malformed JSON body for a create/update route, and the answer it must get. */
export function malformedBody(spec: BodySpec): fc.Arbitrary<Case> {
  const { base, known, fields, names = [], maxBodyBytes, strict = true } = spec;
  const text = (o: unknown) => JSON.stringify(o);
  const fieldNames = Object.keys(fields);
  const strings = fieldNames.filter((f) => fields[f] === "string");
  const invalid = (defect: string, body: Uint8Array, field: string, message?: string) =>
    jsonTypeOrNone.map((t): Case => ({ defect, body, headers: typeHeader(t), status: 400, field, message }));
  const unknownKeys = [
    fc
      .tuple(fc.constantFrom(...PROTO_KEYS), smallJson)
      .chain(([k, v]) => invalid("prototype key", bytes(text(withKey(base, k, v))), k, "Unknown field")),
    fc
      .tuple(
        fc.string({ maxLength: 12 }).filter((k) => !known.includes(k)),
        smallJson,
      )
      .chain(([k, v]) => invalid("unknown key", bytes(text(withKey(base, k, v))), k, "Unknown field")),
  ];
  const arbs: fc.Arbitrary<Case>[] = [
    ...(strict ? unknownKeys : []),
    fc
      .constantFrom(...fieldNames)
      .chain((f) => WRONG[fields[f]].chain((v) => invalid(`wrong type (${f})`, bytes(text({ ...base, [f]: v })), f))),
    fc
      .jsonValue()
      .filter((v) => v === null || typeof v !== "object" || Array.isArray(v))
      .chain((v) => invalid("not an object", bytes(text(v)), "body")),

    fc
      .tuple(fc.integer({ min: 65, max: 20_000 }), fc.boolean(), fc.constantFrom(...known))
      .chain(([depth, arrays, f]) => {
        const nest = arrays
          ? `${"[".repeat(depth)}${"]".repeat(depth)}`
          : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
        const { [f]: _, ...rest } = base; // f last, so its value 0 is the text's last "0}"
        const json = `${text({ ...rest, [f]: 0 }).slice(0, -2)}${nest}}`;
        return invalid("deep nesting", bytes(json), "body");
      }),
    fc
      .tuple(fc.constantFrom(...strings), fc.array(fc.constantFrom(...BAD_UTF8), { minLength: 1, maxLength: 3 }))
      .chain(([f, bad]) => {
        const [before, after] = text({ ...base, [f]: "\u0001" }).split("\\u0001");
        // An ASCII byte after each piece, so two pieces never join into one valid character.
        const body = Buffer.concat([
          Buffer.from(before),
          ...bad.flatMap((b) => [b, Buffer.from("x")]),
          Buffer.from(after),
        ]);
        return invalid("invalid UTF-8", new Uint8Array(body), "body", "Send the body as UTF-8 JSON");
      }),
    fc.tuple(anyObject, fc.double({ min: 0, max: 1, noNaN: true })).chain(([extra, at]) => {
      const full = text({ ...base, ...extra });
      return invalid("truncated JSON", bytes(full.slice(0, Math.floor(at * (full.length - 1)))), "body");
    }),
    fc
      .string({ maxLength: 64 })
      .filter((s) => {
        try {
          const v = JSON.parse(s);
          return v === null || typeof v !== "object" || Array.isArray(v); // a JSON object may be valid
        } catch {
          return true;
        }
      })
      .chain((s) => invalid("not JSON", bytes(s), "body")),
    // A cross-site form or fetch can send no Content-Type without a preflight: never read as JSON.
    fc.constant<Case>({
      defect: "no Content-Type",
      body: bytes(text(base)),
      headers: {},
      status: 415,
      field: "headers.Content-Type",
    }),
    fc
      .tuple(
        fc.oneof(
          fc.constantFrom(...NOT_JSON_TYPES),
          word().map((w) => `text/${w}`),
        ),
      )
      .map(
        ([t]): Case => ({
          defect: "wrong Content-Type",
          body: bytes(text(base)),
          headers: { "content-type": t },
          status: 415,
        }),
      ),
    fc.integer({ min: maxBodyBytes + 1, max: 2 ** 40 }).map(
      (n): Case => ({
        defect: "Content-Length over the limit",
        body: bytes(text(base)),
        headers: { "content-type": "application/json", "content-length": String(n) },
        status: 413,
        field: "body",
      }),
    ),
  ];
  // Longer than any string field allows (customization_script: 256 KiB); rarer, as they cost the most.
  const huge = fc
    .tuple(fc.constantFrom(...strings), fc.integer({ min: 262_145, max: 270_000 }))
    .chain(([f, n]) => invalid(`huge string (${f})`, bytes(text({ ...base, [f]: "x".repeat(n) })), f));
  arbs.push(huge);
  if (names.length)
    arbs.push(
      fc
        .tuple(fc.constantFrom(...names), fc.oneof(invisibleName, nameWithControl))
        .chain(([f, v]) => invalid(`bad name (${f})`, bytes(text({ ...base, [f]: v })), f)),
    );
  return fc.oneof(...arbs.map((arbitrary) => ({ arbitrary, weight: arbitrary === huge ? 1 : 3 })));
}

/** What a query parameter takes. */
export type QueryKind =
  | { int: [number, number] }
  | { enum: readonly string[] }
  | { maxLength: number }
  | "uuid"
  | "arch"
  | "severities";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIGITS = /^\d+$/;

/** Numbers as strings that are not plain decimal digits within [min, max]. */
export function badNumber([min, max]: [number, number]): fc.Arbitrary<string> {
  const spelled = ["", " 5", "5 ", "+5", "-1", "-0", "1.5", "1e3", "1e999", "NaN", "Infinity", "0x10", "0b11"];
  return fc.oneof(
    fc.constantFrom(...spelled, "１２", "١٢", "9007199254740993", "99999999999999999999"),
    fc.integer({ max: -1 }).map(String),
    fc
      .double({ noNaN: true })
      .filter((d) => !Number.isInteger(d) || d < 0)
      .map(String),
    fc.string({ maxLength: 10 }).filter((s) => !DIGITS.test(s)),
    fc.bigInt({ min: BigInt(max) + 1n, max: 10n ** 30n }).map(String),
    ...(min > 0 ? [fc.integer({ min: 0, max: min - 1 }).map(String)] : []),
  );
}

function badValue(kind: QueryKind): fc.Arbitrary<string> {
  if (kind === "uuid") return fc.string({ maxLength: 40 }).filter((s) => !UUID.test(s));
  if (kind === "arch")
    return fc.oneof(
      fc.constantFrom("sparc", "mips", "i386", "ARM", "x86"),
      fc.string().map((s) => `zz${s}`),
    );
  if (kind === "severities") return fc.tuple(fc.constantFrom("", "info,"), word(0)).map(([p, s]) => `${p}bad${s}`);
  if ("int" in kind) return badNumber(kind.int);
  if ("enum" in kind) return fc.string({ maxLength: 12 }).filter((s) => !kind.enum.includes(s));
  return fc
    .tuple(fc.string({ maxLength: 8 }), fc.integer({ min: kind.maxLength + 1, max: kind.maxLength + 40 }))
    .map(([s, n]) => s.padEnd(n, "q"));
}

function goodValue(kind: QueryKind): fc.Arbitrary<string> {
  if (kind === "uuid") return fc.uuid();
  if (kind === "arch") return fc.constantFrom("x86_64", "aarch64", "arm64");
  if (kind === "severities") return fc.constantFrom("info", "warning,error");
  if ("int" in kind) return fc.integer({ min: kind.int[0], max: Math.min(kind.int[1], 10_000) }).map(String);
  if ("enum" in kind) return fc.constantFrom(...kind.enum);
  return fc.constantFrom("", "a", "fuzz", "x86");
}

/** A query string with valid noise and one bad entry (an unknown key or a bad value), added last. */
export function malformedQuery(spec: Record<string, QueryKind>): fc.Arbitrary<Case> {
  const keys = Object.keys(spec);
  // Built once: building arbitraries inside chain() for every run costs milliseconds each.
  const good = Object.fromEntries(keys.map((k) => [k, goodValue(spec[k])]));
  const bad = Object.fromEntries(
    keys.map((k) => [
      k,
      badValue(spec[k]).map((v) => ({ k, v, defect: `bad query value (${k})`, message: undefined })),
    ]),
  );
  const noise = fc.record(good, { requiredKeys: [] }); // any subset of the keys, with valid values
  const unknownKey = fc.oneof(
    fc.constantFrom(...PROTO_KEYS),
    fc.string({ maxLength: 12 }).filter((k) => !keys.includes(k)),
  );
  const defect = fc.oneof(
    fc
      .tuple(unknownKey, fc.string({ maxLength: 12 }))
      .map(([k, v]) => ({ k, v, defect: "unknown query key", message: "Unknown field" as string | undefined })),
    ...keys.map((k) => bad[k]),
  );
  return fc.tuple(noise, defect).map(
    ([pairs, b]): Case => ({
      defect: b.defect,
      headers: {},
      query: Object.assign(Object.create(null), pairs, { [b.k]: b.v }),
      status: 400,
      field: `query.${b.k}`,
      message: b.message,
    }),
  );
}

/** Header values that Headers keeps as sent (no CR, LF, NUL; it trims spaces and tabs itself). */
export const headerText = fc
  .string({ maxLength: 24 })
  .filter((s) => !/[\r\n\0]/.test(s))
  .map((s) => s.replace(/^[ \t]+|[ \t]+$/g, ""));

/** Last-Event-ID values that are not a seq (1 to 16 digits, at most 2^31 - 1); empty means "none". */
export const badLastEventId = fc
  .oneof(badNumber([0, 2 ** 31 - 1]), headerText)
  .map((s) => s.replace(/^[ \t]+|[ \t]+$/g, "")) // what Headers does to a value
  .filter((s) => s !== "" && /^[\x20-\xff]*$/.test(s) && !(/^\d{1,16}$/.test(s) && Number(s) <= 2 ** 31 - 1));

/** Path ids that name nothing: not a UUID, or a UUID no row has. */
export const unknownId = (taken: string[]) =>
  fc
    .oneof(fc.string({ maxLength: 40 }), fc.uuid(), fc.constantFrom("", "..", "%00", "null", "undefined", "__proto__"))
    .filter((id) => !taken.includes(id));

/** Bytes an archive upload must refuse: not gzip, gzip's magic with junk, or nothing at all. */
export const notAnArchive = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 2048 }).filter((b) => b[0] !== 0x1f),
  fc.uint8Array({ maxLength: 512 }).map((b) => Uint8Array.from([0x1f, 0x8b, ...b])),
);

/** X-Secret-Key values that are not `mine`: missing, empty, another infra-env's, near misses, junk. */
export function badSecretKey(mine: string, others: string[]): fc.Arbitrary<string | undefined> {
  const near = fc.oneof(
    fc.constantFrom(`${mine}x`, mine.slice(0, -1), mine.toUpperCase(), mine.toLowerCase(), `Bearer ${mine}`),
    fc
      .nat({ max: mine.length - 1 })
      .map((i) => `${mine.slice(0, i)}${mine[i] === "A" ? "B" : "A"}${mine.slice(i + 1)}`),
  );
  return fc
    .oneof(
      fc.constant(undefined),
      fc.constant(""),
      headerText,
      near,
      ...(others.length ? [fc.constantFrom(...others)] : []),
    )
    .filter((v) => v === undefined || (/^[\x20-\x7e\x80-\xff]*$/.test(v) && v.trim() !== mine));
}

/** Where an inventory's checked fields are, and their JSON types. */
const INVENTORY_FIELDS: [string, Kind][] = [
  ["hostname", "string"],
  ["cpu", "object"],
  ["cpu.architecture", "string"],
  ["cpu.count", "int"],
  ["cpu.model_name", "string"],
  ["cpu.frequency", "number"],
  ["cpu.flags", "array"],
  ["memory", "object"],
  ["memory.physical_bytes", "int"],
  ["memory.usable_bytes", "int"],
  ["disks", "array"],
  ["disks.0", "object"],
  ["disks.0.name", "string"],
  ["disks.0.size_bytes", "int"],
  ["disks.0.removable", "bool"],
  ["interfaces", "array"],
  ["interfaces.0", "object"],
  ["interfaces.0.name", "string"],
  ["interfaces.0.ipv4_addresses", "array"],
  ["interfaces.0.mtu", "int"],
  ["system_vendor", "object"],
  ["system_vendor.virtual", "bool"],
  ["boot", "object"],
  ["bmc_address", "string"],
  ["timestamp", "number"],
];
const REQUIRED = [
  "cpu",
  "cpu.architecture",
  "cpu.count",
  "memory",
  "memory.physical_bytes",
  "disks",
  "disks.0.name",
  "disks.0.size_bytes",
  "interfaces",
  "interfaces.0.name",
];
const COUNTS = ["cpu.count", "memory.physical_bytes", "memory.usable_bytes", "disks.0.size_bytes"];
const TEXTS = ["hostname", "cpu.model_name", "disks.0.name", "disks.0.serial", "interfaces.0.name", "bmc_address"];

/** A deep copy of `doc` with `path` set to `value` (or deleted when `value` is `DELETE`). */
const DELETE = Symbol("delete");
function setPath(doc: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  const keys = path.split(".");
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === DELETE) delete at[last];
  else Object.defineProperty(at, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** An inventory step's `output` with one defect: the JSON text (or the object), and the field it must name. */
export type BadInventory = { defect: string; output: unknown; field: string; message?: string };

/** Malformed inventories made from a valid one (`valid` must have a disk and an interface). */
export function malformedInventory(valid: Record<string, unknown>): fc.Arbitrary<BadInventory> {
  const text = (o: unknown) => JSON.stringify(o);
  const asText = fc.boolean(); // the output as JSON text, or as the object itself
  const out = (doc: unknown, stringForm: boolean) => (stringForm ? text(doc) : doc);
  const f = (p: string) => `inventory.${p}`;
  const pathArb = fc.constantFrom(...INVENTORY_FIELDS);
  return fc.oneof(
    fc.tuple(pathArb, asText).chain(([[p, kind], s]) =>
      WRONG[kind].map((v) => ({
        defect: `inventory: wrong type (${p})`,
        output: out(setPath(valid, p, v), s),
        field: f(p),
      })),
    ),
    fc
      .tuple(fc.constantFrom(...REQUIRED), asText)
      .map(([p, s]) => ({ defect: `inventory: missing ${p}`, output: out(setPath(valid, p, DELETE), s), field: f(p) })),
    fc
      .tuple(
        fc.constantFrom(...COUNTS),
        fc.oneof(
          fc.integer({ max: -1 }),
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).filter((d) => !Number.isInteger(d)),
        ),
        asText,
      )
      .map(([p, n, s]) => ({
        defect: `inventory: bad count (${p})`,
        output: out(setPath(valid, p, n), s),
        field: f(p),
      })),
    fc
      .tuple(
        fc.oneof(
          fc.constant(""),
          fc.integer({ min: 65, max: 200 }).map((n) => "x".repeat(n)),
        ),
        asText,
      )
      .map(([a, s]) => ({
        defect: "inventory: bad cpu.architecture",
        output: out(setPath(valid, "cpu.architecture", a), s),
        field: f("cpu.architecture"),
      })),
    fc.tuple(fc.constantFrom(...TEXTS), fc.integer({ min: 4097, max: 6000 }), asText).map(([p, n, s]) => ({
      defect: `inventory: overlong ${p}`,
      output: out(setPath(valid, p, "y".repeat(n)), s),
      field: f(p),
    })),
    // __proto__ anywhere (JSON.parse makes it an own key; kept, it would be dropped or become a prototype).
    fc
      .tuple(
        fc.constantFrom("", "cpu", "memory", "disks.0", "interfaces.0", "system_vendor", "extra.deeper"),
        smallJson,
        asText,
      )
      .map(([p, v, s]) => {
        const withExtra = setPath(valid, "extra", { deeper: {} });
        const doc =
          p === ""
            ? withKey(withExtra as Record<string, unknown>, "__proto__", v)
            : setPath(withExtra, `${p}.__proto__`, v);
        // The object form's top level is the body's `output` itself.
        const field = p === "" ? (s ? "inventory.__proto__" : "output") : f(`${p}.__proto__`);
        return { defect: `inventory: __proto__ key (${p || "top"})`, output: out(doc, s), field };
      }),
    // NUL in a string (PostgreSQL's jsonb cannot store it), in a checked field or an unchecked one.
    fc
      .tuple(
        fc.constantFrom("hostname", "cpu.model_name", "disks.0.serial", "system_vendor.serial_number", "extra"),
        word(0),
        asText,
      )
      .map(([p, w, s]) => ({
        defect: `inventory: NUL in ${p}`,
        output: out(setPath(valid, p, `${w}\u0000${w}`), s),
        field: f(p),
      })),
    // Nested deeper than any API accepts, in a known or an unknown field (as text: in the object form the body is too deep).
    fc
      .tuple(fc.integer({ min: 65, max: 20_000 }), fc.boolean(), fc.constantFrom("cpu.flags", "extra", "disks.0.more"))
      .map(([depth, arrays, p]) => {
        const nest = arrays
          ? `${"[".repeat(depth)}${"]".repeat(depth)}`
          : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
        const output = text(setPath(valid, p, "\u0001")).replace('"\\u0001"', nest);
        return { defect: `inventory: deep nesting (${p})`, output, field: "inventory" };
      }),
    fc
      .oneof(
        fc.string({ maxLength: 40 }).filter((t) => {
          try {
            JSON.parse(t);
            return false;
          } catch {
            return true;
          }
        }),
        fc.constantFrom("[]", "null", "1", '"inventory"', "true"),
        fc
          .double({ min: 0.05, max: 0.95, noNaN: true })
          .map((at) => text(valid).slice(0, Math.floor(at * text(valid).length))),
      )
      .map((t) => ({ defect: "inventory: not a JSON object", output: t, field: "inventory" })),
    fc
      .oneof(fc.integer(), fc.boolean(), anyArray, fc.constant(null))
      .map((v) => ({ defect: "output of the wrong type", output: v, field: "output" })),
    fc.integer({ min: 1025, max: 1100 }).map((n) => ({
      defect: "inventory: too many disks",
      output: text(
        setPath(
          valid,
          "disks",
          Array.from({ length: n }, (_, i) => ({ name: `d${i}`, size_bytes: 1 })),
        ),
      ),
      field: "inventory.disks",
    })),
  );
}

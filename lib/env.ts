// Process configuration, validated once. Everything optional has the embedded default.
import "server-only";
import path from "node:path";
import { z } from "zod";

const envSchema = z.object({
  ARCHWAY_DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: z
    .string()
    .refine((v) => v.startsWith("file:") || /^postgres(ql)?:\/\//.test(v), {
      message: "DATABASE_URL must be file:/path/to.db (SQLite) or postgresql://… (PostgreSQL)",
    })
    .optional(),
  /** JSON text, or the path of a JSON file, in seed 001's OS_IMAGES format. */
  OS_IMAGES: z.string().optional(),
  RELEASE_IMAGES: z.string().optional(),
  /** Deprecated map format, read only when OS_IMAGES and RELEASE_IMAGES are both absent. */
  OPENSHIFT_VERSIONS: z.string().optional(),
  /** A JSON file holding {"OS_IMAGES": [...], "RELEASE_IMAGES": [...]} (used when the env vars are absent). */
  ARCHWAY_CATALOG_FILE: z.string().optional(),
  ARCHWAY_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Base URL hosts and browsers reach the console at; default: the request's own Host. */
  ARCHWAY_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Base URL booted hosts reach the console at (agent config, rootfs URL); default ARCHWAY_PUBLIC_URL. */
  ARCHWAY_AGENT_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** How long a discovery ISO link stays valid. */
  ARCHWAY_ISO_URL_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 86400)
    .default(4 * 3600),
  /** Discovery ISO downloads served at once; more get 503 with Retry-After. */
  ARCHWAY_MAX_CONCURRENT_DOWNLOADS: z.coerce.number().int().min(1).max(10_000).default(500),
  /** "off" skips fetching the image table's base ISOs at start (they are then fetched on demand). */
  ARCHWAY_PREFETCH_BASE_IMAGES: z.enum(["on", "off"]).default("on"),
  /** Image jobs run at once by the embedded runner; more wait in its queue. */
  ARCHWAY_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  ARCHWAY_JOB_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 86400)
    .default(3600),
  /** "off" skips importing the sample images and recipes (one per architecture) at start. */
  ARCHWAY_SAMPLE_IMAGES: z.enum(["on", "off"]).default("on"),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string; databaseUrl: string };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const dataDir = path.resolve(parsed.data.ARCHWAY_DATA_DIR);
  cached = {
    ...parsed.data,
    dataDir,
    databaseUrl: parsed.data.DATABASE_URL ?? `file:${path.join(dataDir, "archway.db")}`,
  };
  return cached;
}

/** Tests change process.env between cases. */
export function resetEnvForTests() {
  cached = undefined;
}

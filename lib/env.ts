// Process configuration, validated once. Everything optional has the embedded default.
import "server-only";
import path from "node:path";
import { z } from "zod";
import { parseStoreLocation } from "@/lib/artifacts/store-location";

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
  /** Comma-separated Host names the console answers to; default: localhost, loopback, this machine's names. */
  ARCHWAY_ALLOWED_HOSTS: z.string().optional(),
  /** Comma-separated addresses or CIDR blocks of reverse proxies whose X-Forwarded-* headers count. */
  ARCHWAY_TRUSTED_PROXIES: z.string().optional(),
  /** 32-byte key (64 hex digits or base64) that encrypts secrets at rest; default: data/secret.key. */
  ARCHWAY_SECRET_KEY: z.string().optional(),
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
  /**
   * What this process does: "all" (default) serves the console and runs jobs; "web" serves the console
   * and runs no job; "worker" runs jobs and serves only /healthz. web and worker need PostgreSQL.
   */
  ARCHWAY_ROLE: z.enum(["all", "web", "worker"]).default("all"),
  /** "off": this worker runs only its own architecture's jobs, never under QEMU user emulation. */
  ARCHWAY_EMULATION: z.enum(["on", "off"]).default("on"),
  /** How this worker is named on the Workers page and in failure reasons; default worker-<random>. */
  ARCHWAY_WORKER_NAME: z.string().trim().min(1).max(80).optional(),
  /** Image jobs run at once by this process's worker; more wait in the queue. */
  ARCHWAY_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  ARCHWAY_JOB_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 86400)
    .default(3600),
  /** Job sandbox limits (lib/jobs/sandbox): memory in MiB, processes, CPUs; scratch disk is the job's build_env_size. */
  ARCHWAY_JOB_MEMORY_MIB: z.coerce.number().int().min(64).max(1_048_576).default(4096),
  ARCHWAY_JOB_PIDS: z.coerce.number().int().min(16).max(1_000_000).default(1024),
  ARCHWAY_JOB_CPUS: z.coerce.number().min(0.1).max(1024).default(2),
  /** "allowed" lets jobs share the host's network; "none" (default) gives them only a loopback. */
  ARCHWAY_JOB_NETWORK: z.enum(["none", "allowed"]).default("none"),
  /** First host uid/gid of the 65,536 ids a job's root and users map to (never 0; keep it out of /etc/subuid ranges). */
  ARCHWAY_JOB_UID_BASE: z.coerce.number().int().min(65_536).max(4_294_901_759).default(1_879_048_192),
  /** Log bytes stored per job; beyond it lines are counted and dropped with one notice. */
  ARCHWAY_JOB_LOG_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(4096)
    .default(64 * 1024 * 1024),
  /** "off" skips importing the sample images and recipes (one per architecture) at start. */
  ARCHWAY_SAMPLE_IMAGES: z.enum(["on", "off"]).default("on"),
  /** Password of the `admin` account created at first start; unset: a random one, printed once. */
  ARCHWAY_ADMIN_PASSWORD: z.string().min(8).max(128).optional(),
  /** Signs session cookies; unset: generated once into <data>/auth-secret (mode 0600). */
  ARCHWAY_AUTH_SECRET: z.string().min(32).optional(),
  /** How long a browser session lasts without use. */
  ARCHWAY_SESSION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 86400)
    .default(8 * 3600),
  /** Failed sign-ins for one user name within the window, after which sign-in answers 429. */
  ARCHWAY_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  ARCHWAY_LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
  /** OpenID Connect sign-in, on when issuer, client id and secret are all set. */
  ARCHWAY_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  ARCHWAY_OIDC_CLIENT_ID: z.string().min(1).optional(),
  ARCHWAY_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The ID-token/userinfo claim holding viewer, operator or admin (a string or a list). */
  ARCHWAY_OIDC_ROLE_CLAIM: z.string().min(1).default("archway_role"),
  /** The role of an OIDC user whose claim names none of the three. */
  ARCHWAY_OIDC_DEFAULT_ROLE: z.enum(["viewer", "operator", "admin"]).default("viewer"),
  /** The label on the sign-in button. */
  ARCHWAY_OIDC_NAME: z.string().min(1).max(60).default("single sign-on"),
  /** Where artifacts live: file: (<data>/artifacts), file:/dir, or s3://bucket/prefix (lib/artifacts/store-location.ts). */
  ARCHWAY_ARTIFACT_STORE: z
    .string()
    .default("file:")
    .superRefine((v, ctx) => {
      const parsed = parseStoreLocation(v);
      if ("error" in parsed) ctx.addIssue({ code: "custom", message: parsed.error });
    }),
  /** The S3 endpoint of a non-AWS store (MinIO, Ceph); unset: AWS itself. */
  AWS_ENDPOINT_URL: z.url({ protocol: /^https?$/, error: "AWS_ENDPOINT_URL must be an http(s):// URL" }).optional(),
  AWS_REGION: z.string().min(1).optional(),
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** 1: bucket in the path (http://host/bucket/key), as MinIO and Ceph want; 0: in the host name. */
  ARCHWAY_S3_FORCE_PATH_STYLE: z.enum(["0", "1"]).default("0"),
});

/** What the S3 store needs beyond a valid location, said before anything is stored. */
function checkS3(e: z.infer<typeof envSchema>): string[] {
  const location = parseStoreLocation(e.ARCHWAY_ARTIFACT_STORE);
  if (!("kind" in location) || location.kind !== "s3") return [];
  const problems: string[] = [];
  if (!e.AWS_REGION) problems.push("AWS_REGION: an s3:// artifact store needs a region (us-east-1 for most MinIO)");
  if (!e.AWS_ACCESS_KEY_ID !== !e.AWS_SECRET_ACCESS_KEY)
    problems.push("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: set both or neither (then the SDK's own chain)");
  return problems.map((p) => `  ${p}`);
}

export type Env = z.infer<typeof envSchema> & { dataDir: string; databaseUrl: string };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const s3Problems = checkS3(parsed.data);
  if (s3Problems.length) throw new Error(`Invalid configuration:\n${s3Problems.join("\n")}`);
  const dataDir = path.resolve(parsed.data.ARCHWAY_DATA_DIR);
  const databaseUrl = parsed.data.DATABASE_URL ?? `file:${path.join(dataDir, "archway.db")}`;
  // Separate roles share their state through the database; a SQLite file is one process's alone.
  if (parsed.data.ARCHWAY_ROLE !== "all" && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new Error(
      `Invalid configuration:\n  ARCHWAY_ROLE: "${parsed.data.ARCHWAY_ROLE}" needs a PostgreSQL DATABASE_URL shared by every web and worker process (SQLite serves one process only: use ARCHWAY_ROLE=all, the default)`,
    );
  cached = { ...parsed.data, dataDir, databaseUrl };
  return cached;
}

/** Tests change process.env between cases. */
export function resetEnvForTests() {
  cached = undefined;
}

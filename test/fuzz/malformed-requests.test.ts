// Property-based fuzz of every write route (POST/PUT/PATCH/DELETE under app/api and app/apis) and
// every GET with query parameters, through the real handlers on the test database: over 10,000
// malformed requests (bodies, Content-Type/Content-Length, query strings, Last-Event-ID, Range, the
// agent's X-Secret-Key and inventories), each of which must get a 4xx problem+json naming what was
// wrong, add or remove no row in any table (nor change a host), and leave the server answering. A scan
// of app/**\/route.ts fails the run when a handler taking input is not fuzzed. The seed is fixed
// (FUZZ_SEED overrides it); fast-check prints it with the shrunk counterexample on failure, so a
// failure replays exactly.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as clusterOne from "@/app/api/assisted-install/v2/clusters/[cluster_id]/route";
import * as clusters from "@/app/api/assisted-install/v2/clusters/route";
import * as events from "@/app/api/assisted-install/v2/events/route";
import * as files from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/downloads/files/route";
import * as imageUrl from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/downloads/image-url/route";
import * as bind from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/hosts/[host_id]/actions/bind/route";
import * as unbind from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/hosts/[host_id]/actions/unbind/route";
import * as instructions from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/hosts/[host_id]/instructions/route";
import * as hostOne from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/hosts/[host_id]/route";
import * as hosts from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/hosts/route";
import * as regenerate from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/regenerate-signing-key/route";
import * as infraEnvOne from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/route";
import * as infraEnvs from "@/app/api/assisted-install/v2/infra-envs/route";
import * as versions from "@/app/api/assisted-install/v2/openshift-versions/route";
import * as osImageFetch from "@/app/api/assisted-install/v2/os-images/[os_image_id]/fetch/route";
import * as audit from "@/app/api/v1/audit/route";
import * as tokenOne from "@/app/api/v1/tokens/[token_id]/route";
import * as tokenList from "@/app/api/v1/tokens/route";
import * as userOne from "@/app/api/v1/users/[user_id]/route";
import * as users from "@/app/api/v1/users/route";
import * as artifactOne from "@/app/apis/ims/v3/artifacts/[artifact_id]/route";
import * as artifacts from "@/app/apis/ims/v3/artifacts/route";
import * as imageOne from "@/app/apis/ims/v3/images/[image_id]/route";
import * as images from "@/app/apis/ims/v3/images/route";
import * as cancel from "@/app/apis/ims/v3/jobs/[job_id]/cancel/route";
import * as logs from "@/app/apis/ims/v3/jobs/[job_id]/logs/route";
import * as retry from "@/app/apis/ims/v3/jobs/[job_id]/retry/route";
import * as jobOne from "@/app/apis/ims/v3/jobs/[job_id]/route";
import * as jobs from "@/app/apis/ims/v3/jobs/route";
import * as keyOne from "@/app/apis/ims/v3/public-keys/[public_key_id]/route";
import * as keys from "@/app/apis/ims/v3/public-keys/route";
import * as archive from "@/app/apis/ims/v3/recipes/[recipe_id]/archive/route";
import * as recipeOne from "@/app/apis/ims/v3/recipes/[recipe_id]/route";
import * as recipes from "@/app/apis/ims/v3/recipes/route";
import { tokenCreateSchema, userCreateSchema, userUpdateSchema } from "@/lib/auth/schemas";
import { clusterCreateSchema, clusterUpdateSchema } from "@/lib/clusters/schemas";
import { db, Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { ROLES } from "@/lib/hosts/requirements";
import { hostCreateSchema, hostUpdateSchema, stepReplySchema } from "@/lib/hosts/schemas";
import { imageCreateSchema, imagePatchSchema } from "@/lib/images/schemas";
import { IMAGE_TYPES, infraEnvCreateSchema, infraEnvUpdateSchema } from "@/lib/infra-envs/schemas";
import { JOB_STATUSES, JOB_TYPES, jobCreateSchema } from "@/lib/jobs/schemas";
import { publicKeyCreateSchema } from "@/lib/public-keys/schemas";
import { recipeCreateSchema, recipePatchSchema } from "@/lib/recipes/schemas";
import { SSH_KEY } from "@/test/fixtures";
import { Agent, agentTokenOf, inventory } from "@/test/hosts";
import { type Called, call } from "@/test/http";
import {
  type BodySpec,
  badLastEventId,
  badSecretKey,
  type Case,
  headerText,
  malformedBody,
  malformedInventory,
  malformedQuery,
  notAnArchive,
  type QueryKind,
  unknownId,
} from "./arbitraries";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_129);
type Handler = Parameters<typeof call>[0];
const MODELS = Object.values(Prisma.ModelName);

let sent = 0;
const started = Date.now();
const ids = {} as Record<
  "cluster" | "infraEnv" | "infraEnv2" | "host" | "host2" | "publicKey" | "recipe" | "image" | "job" | "artifact",
  string
>;
/** The agent tokens of ids.infraEnv and ids.infraEnv2. */
const tokens = { one: "", two: "" };

/** Rows per table in one query, so checking after every request stays cheap. */
async function rowCounts(): Promise<Record<string, number>> {
  const sql = MODELS.map((m) => `SELECT '${m}' AS model, COUNT(*) AS n FROM "${m}"`).join(" UNION ALL ");
  const rows = await db().$queryRawUnsafe<{ model: string; n: bigint | number }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.model, Number(r.n)]));
}

/** What of each host a request could change (status and validations move with time on their own). */
async function hostState(): Promise<unknown[]> {
  return db().host.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      infraEnvId: true,
      clusterId: true,
      requestedHostname: true,
      role: true,
      inventory: true,
      inventoryUpdatedAt: true,
      cpuArchitecture: true,
      discoveryAgentVersion: true,
      checkedInAt: true,
    },
  });
}

function expectProblem(res: Called, c: Case, what: string) {
  expect(res.status, what).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  if (c.status) expect(res.status, what).toBe(c.status);
  expect(res.headers.get("content-type"), what).toBe("application/problem+json");
  const p = JSON.parse(res.text);
  expect(p.status, what).toBe(res.status);
  expect(typeof p.title === "string" && p.title.length > 0, what).toBe(true);
  expect(typeof p.detail === "string" && p.detail.length > 0, what).toBe(true);
  if (p.errors !== undefined) {
    expect(typeof p.errors === "object" && p.errors !== null && !Array.isArray(p.errors), what).toBe(true);
    for (const messages of Object.values(p.errors)) {
      expect(Array.isArray(messages) && messages.every((m) => typeof m === "string"), what).toBe(true);
    }
  }
  if (c.field) {
    expect(Object.keys(p.errors ?? {}), what).toContain(c.field);
    if (c.message) expect(p.errors[c.field], what).toContain(c.message);
  }
}

type Target = {
  name: string;
  handler: Handler;
  method: string;
  path: string;
  param?: string; // the path parameter's name
  id?: () => string; // its value, unless the case brings one
  params?: () => Record<string, string>; // the other path parameters
  /** Also check that no host changed what a request may change (agent check-ins, renames, binding). */
  hosts?: boolean;
  runs: number;
  cases: () => fc.Arbitrary<Case>;
};

// Raw-body uploads take any (or no) Content-Type; every other body is JSON and says so, unless the
// case is about a missing Content-Type (415).
const RAW_BODY = new Set(["PUT recipes/{id}/archive", "POST artifacts"]);

function headersOf(t: Target, c: Case): Record<string, string> {
  const needsType = c.body !== undefined && !RAW_BODY.has(t.name) && c.defect !== "no Content-Type";
  return needsType && !("content-type" in c.headers) ? { "content-type": "application/json", ...c.headers } : c.headers;
}

async function send(t: Target, c: Case): Promise<Called> {
  sent++;
  const qs = c.query ? `?${new URLSearchParams(Object.entries(c.query)).toString()}` : "";
  const id = c.id ?? t.id?.();
  return call(t.handler, {
    method: t.method,
    path: `${t.path}${qs}`,
    params: { ...t.params?.(), ...(t.param && id !== undefined ? { [t.param]: id } : {}), ...c.params },
    rawBody: c.body,
    headers: headersOf(t, c),
  });
}

const keysOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);
const body = (spec: Omit<BodySpec, "maxBodyBytes">) => () =>
  malformedBody({ ...spec, maxBodyBytes: env().ARCHWAY_MAX_BODY_BYTES });
const query = (spec: Record<string, QueryKind>) => () => malformedQuery(spec);
const PAGE: Record<string, QueryKind> = { limit: { int: [1, 1000] }, offset: { int: [0, 2 ** 31 - 1] } };
/** The assisted lists: no default limit (every row), so any whole number is a limit. */
const ASSISTED_PAGE: Record<string, QueryKind> = {
  limit: { int: [1, 2 ** 31 - 1] },
  offset: { int: [0, 2 ** 31 - 1] },
};
const taken = () => Object.values(ids);
/** A path id naming nothing; junk in the body changes nothing (uploads need some, or lack of it is the 400). */
const noSuchId = (needsBody = false) =>
  fc
    .tuple(
      unknownId(taken()),
      needsBody ? fc.uint8Array({ minLength: 1, maxLength: 64 }) : fc.option(fc.uint8Array({ maxLength: 64 })),
    )
    .map(([id, junk]): Case => ({ defect: "unknown id", id, body: junk ?? undefined, headers: {}, status: 404 }));
const scaled = (n: number) => Math.ceil(n * Number(process.env.FUZZ_SCALE ?? 1));

const clusterFields = {
  name: "string",
  openshift_version: "string",
  cpu_architecture: "string",
  high_availability_mode: "string",
  control_plane_count: "int",
  base_dns_domain: "string",
  ssh_public_key: "string",
  pull_secret: "string",
  olm_operators: "array",
  http_proxy: "string",
  https_proxy: "string",
  no_proxy: "string",
} as const;
const infraEnvFields = {
  name: "string",
  image_type: "string",
  ssh_authorized_key: "string",
  pull_secret: "string",
  proxy: "object",
  additional_ntp_sources: "string",
  kernel_arguments: "array",
  ignition_config_override: "string",
  static_network_config: "array",
  cpu_architecture: "string",
  openshift_version: "string",
} as const;

/** The step reply around an inventory output. */
const reply = (output: unknown) => ({ step_type: "inventory", step_id: "inventory-1", exit_code: 0, output });
const json = (o: unknown) => new Uint8Array(Buffer.from(JSON.stringify(o), "utf8"));
/** The agent's cases, sent with infra-env one's valid token. */
const withToken = (arb: fc.Arbitrary<Case>) =>
  arb.map((c): Case => ({ ...c, headers: { ...c.headers, "x-secret-key": tokens.one } }));
/** A wrong or missing X-Secret-Key (or a valid token of an infra-env that does not exist): 401, whatever the body. */
const badAgent = (bodies: fc.Arbitrary<Uint8Array | undefined>) =>
  fc.oneof(
    fc.tuple(badSecretKey(tokens.one, [tokens.two]), bodies).map(
      ([key, b]): Case => ({
        defect: "bad X-Secret-Key",
        body: b,
        headers:
          key === undefined
            ? { "content-type": "application/json" }
            : { "content-type": "application/json", "x-secret-key": key },
        status: 401,
      }),
    ),
    fc.tuple(fc.uuid(), bodies).map(
      ([ie, b]): Case => ({
        defect: "no such infra-env",
        params: { infra_env_id: ie },
        body: b,
        headers: { "content-type": "application/json", "x-secret-key": tokens.one },
        status: 401,
      }),
    ),
  );
const hostPath = "/api/assisted-install/v2/infra-envs/x/hosts/y";
const inHost = { param: "host_id", id: () => ids.host, params: () => ({ infra_env_id: ids.infraEnv }), hosts: true };
/** Ids naming no host of infra-env one: not UUIDs, UUIDs of nothing, or infra-env two's host. */
const noSuchHost = (extra: () => Partial<Case> = () => ({})) =>
  fc
    .oneof(unknownId(taken()), fc.constant(ids.host2))
    .map((id): Case => ({ defect: "no such host", id, headers: {}, status: 404, ...extra() }));

const TARGETS: Target[] = [
  // Create and update bodies.
  {
    name: "POST clusters",
    handler: clusters.POST,
    method: "POST",
    path: "/api/assisted-install/v2/clusters",
    runs: 350,
    cases: body({
      base: { name: "fuzz-base", openshift_version: "4.14" },
      known: keysOf(clusterCreateSchema),
      fields: clusterFields,
      names: ["name"],
    }),
  },
  {
    name: "PATCH clusters/{id}",
    handler: clusterOne.PATCH,
    method: "PATCH",
    path: "/api/assisted-install/v2/clusters/x",
    param: "cluster_id",
    id: () => ids.cluster,
    runs: 350,
    cases: body({
      base: { name: "fuzz-renamed" },
      known: keysOf(clusterUpdateSchema),
      fields: clusterFields,
      names: ["name"],
    }),
  },
  {
    name: "POST infra-envs",
    handler: infraEnvs.POST,
    method: "POST",
    path: "/api/assisted-install/v2/infra-envs",
    runs: 350,
    cases: body({
      base: { name: "fuzz base" },
      known: keysOf(infraEnvCreateSchema),
      fields: { ...infraEnvFields, cluster_id: "string" },
      names: ["name"],
    }),
  },
  {
    name: "PATCH infra-envs/{id}",
    handler: infraEnvOne.PATCH,
    method: "PATCH",
    path: "/api/assisted-install/v2/infra-envs/x",
    param: "infra_env_id",
    id: () => ids.infraEnv,
    runs: 350,
    cases: body({
      base: { name: "fuzz renamed" },
      known: keysOf(infraEnvUpdateSchema),
      fields: infraEnvFields,
      names: ["name"],
    }),
  },
  {
    name: "POST public-keys",
    handler: keys.POST,
    method: "POST",
    path: "/apis/ims/v3/public-keys",
    runs: 350,
    cases: body({
      base: { name: "fuzz key", public_key: SSH_KEY },
      known: keysOf(publicKeyCreateSchema),
      fields: { name: "string", public_key: "string" },
      names: ["name"],
    }),
  },
  {
    name: "POST recipes",
    handler: recipes.POST,
    method: "POST",
    path: "/apis/ims/v3/recipes",
    runs: 350,
    cases: body({
      base: { name: "fuzz recipe", recipe_type: "kiwi-ng", linux_distribution: "sles15" },
      known: keysOf(recipeCreateSchema),
      fields: {
        name: "string",
        recipe_type: "string",
        linux_distribution: "string",
        arch: "string",
        require_dkms: "bool",
        template_dictionary: "array",
      },
      names: ["name"],
    }),
  },
  {
    name: "PATCH recipes/{id}",
    handler: recipeOne.PATCH,
    method: "PATCH",
    path: "/apis/ims/v3/recipes/x",
    param: "recipe_id",
    id: () => ids.recipe,
    runs: 350,
    cases: body({
      base: { require_dkms: true },
      known: keysOf(recipePatchSchema),
      fields: { arch: "string", require_dkms: "bool", template_dictionary: "array" },
    }),
  },
  {
    name: "POST images",
    handler: images.POST,
    method: "POST",
    path: "/apis/ims/v3/images",
    runs: 350,
    cases: body({
      base: { name: "fuzz image" },
      known: keysOf(imageCreateSchema),
      fields: { name: "string", arch: "string", link: "object", metadata: "object" },
      names: ["name"],
    }),
  },
  {
    name: "PATCH images/{id}",
    handler: imageOne.PATCH,
    method: "PATCH",
    path: "/apis/ims/v3/images/x",
    param: "image_id",
    id: () => ids.image,
    runs: 350,
    cases: body({
      base: { arch: "x86_64" },
      known: keysOf(imagePatchSchema),
      fields: { arch: "string", link: "object", metadata: "object" },
    }),
  },
  {
    name: "POST jobs",
    handler: jobs.POST,
    method: "POST",
    path: "/apis/ims/v3/jobs",
    runs: 350,
    cases: body({
      base: { job_type: "create", artifact_id: "00000000-0000-4000-8000-000000000000", image_root_archive_name: "img" },
      known: keysOf(jobCreateSchema),
      fields: {
        job_type: "string",
        artifact_id: "string",
        public_key_id: "string",
        image_root_archive_name: "string",
        kernel_file_name: "string",
        initrd_file_name: "string",
        enable_debug: "bool",
        build_env_size: "int",
        customization_script: "string",
      },
      names: ["image_root_archive_name", "kernel_file_name", "initrd_file_name"],
    }),
  },
  // Uploads (raw bodies).
  {
    name: "PUT recipes/{id}/archive",
    handler: archive.PUT,
    method: "PUT",
    path: "/apis/ims/v3/recipes/x/archive",
    param: "recipe_id",
    id: () => ids.recipe,
    runs: 300,
    cases: () =>
      fc.oneof(
        fc
          .tuple(notAnArchive, fc.constantFrom(undefined, "application/gzip", "application/octet-stream"))
          .map(([b, t]): Case => ({ defect: "not a tar.gz", body: b, headers: t ? { "content-type": t } : {} })),
        fc.constantFrom("application/json", "text/plain", "application/zip", "multipart/form-data").map(
          (t): Case => ({
            defect: "wrong Content-Type",
            body: new Uint8Array([0x1f, 0x8b]),
            headers: { "content-type": t },
            status: 415,
          }),
        ),
        fc.constant<Case>({
          defect: "no body",
          headers: { "content-type": "application/gzip" },
          status: 400,
          field: "body",
        }),
        noSuchId(true),
      ),
  },
  {
    name: "POST artifacts",
    handler: artifacts.POST,
    method: "POST",
    path: "/apis/ims/v3/artifacts",
    runs: 150,
    // Any bytes are a valid artifact; only a request without a body is malformed.
    cases: () =>
      fc
        .tuple(
          fc.option(
            headerText.filter((t) => t !== ""),
            { nil: undefined },
          ),
          fc.option(fc.nat().map(String), { nil: undefined }),
        )
        .map(
          ([t, length]): Case => ({
            defect: "no body",
            headers: { ...(t ? { "content-type": t } : {}), ...(length ? { "content-length": length } : {}) },
            status: 400,
            field: "body",
          }),
        ),
  },
  // The hosts API: the agent's side (X-Secret-Key) and the user's.
  {
    name: "POST infra-envs/{id}/hosts (agent registers)",
    handler: hosts.POST,
    method: "POST",
    path: "/api/assisted-install/v2/infra-envs/x/hosts",
    param: "infra_env_id",
    id: () => ids.infraEnv,
    hosts: true,
    runs: 400,
    cases: () =>
      fc.oneof(
        badAgent(
          fc.option(
            fc.uuid().map((host_id) => json({ host_id })),
            { nil: undefined },
          ),
        ),
        // Infra-env two's host: the base fails only at the end (409), so a body defect must be what is named.
        withToken(
          malformedBody({
            base: { host_id: ids.host2, discovery_agent_version: "fuzz" },
            known: keysOf(hostCreateSchema),
            fields: { host_id: "string", discovery_agent_version: "string" },
            maxBodyBytes: env().ARCHWAY_MAX_BODY_BYTES,
          }),
        ),
        withToken(
          fc.constant<Case>({
            defect: "host of another infra-env",
            body: json({ host_id: ids.host2 }),
            headers: {},
            status: 409,
          }),
        ),
        // NUL cannot be stored (PostgreSQL refuses it in text).
        withToken(
          fc.tuple(fc.uuid(), fc.string({ maxLength: 8 })).map(
            ([host_id, w]): Case => ({
              defect: "NUL in discovery_agent_version",
              body: json({ host_id, discovery_agent_version: `${w}\u0000${w}` }),
              headers: {},
              status: 400,
              field: "discovery_agent_version",
            }),
          ),
        ),
      ),
  },
  {
    name: "GET infra-envs/{id}/hosts/{id}/instructions (agent check-in)",
    handler: instructions.GET,
    method: "GET",
    path: `${hostPath}/instructions`,
    ...inHost,
    runs: 150,
    cases: () => fc.oneof(badAgent(fc.constant(undefined)), withToken(noSuchHost())),
  },
  {
    name: "POST infra-envs/{id}/hosts/{id}/instructions (step reply)",
    handler: instructions.POST,
    method: "POST",
    path: `${hostPath}/instructions`,
    ...inHost,
    runs: 800,
    cases: () =>
      fc.oneof(
        { arbitrary: badAgent(fc.option(fc.constant(json(reply(inventory()))), { nil: undefined })), weight: 2 },
        {
          // The envelope: a base whose inventory is not JSON (a 400 naming `inventory`), so the defect is what is named.
          arbitrary: withToken(
            malformedBody({
              base: reply("{not json"),
              known: keysOf(stepReplySchema),
              fields: { step_type: "string", step_id: "string", exit_code: "int", error: "string" },
              maxBodyBytes: env().ARCHWAY_MAX_BODY_BYTES,
              strict: false, // unknown keys are dropped, as assisted-service does
            }),
          ),
          weight: 3,
        },
        {
          arbitrary: withToken(
            malformedInventory(inventory()).map(
              (b): Case => ({
                defect: b.defect,
                body: json(reply(b.output)),
                headers: {},
                status: 400,
                field: b.field,
              }),
            ),
          ),
          weight: 4,
        },
        { arbitrary: withToken(noSuchHost(() => ({ body: json(reply(inventory())) }))), weight: 1 },
        {
          // A failed step's error goes into an event, whose text cannot hold NUL on PostgreSQL.
          arbitrary: withToken(
            fc.tuple(fc.integer({ min: 1, max: 255 }), fc.string({ maxLength: 8 })).map(
              ([code, w]): Case => ({
                defect: "NUL in a failed step's error",
                body: json({ step_type: "inventory", step_id: "i", exit_code: code, error: `${w}\u0000${w}` }),
                headers: {},
                status: 400,
                field: "error",
              }),
            ),
          ),
          weight: 1,
        },
      ),
  },
  {
    name: "PATCH infra-envs/{id}/hosts/{id}",
    handler: hostOne.PATCH,
    method: "PATCH",
    path: hostPath,
    ...inHost,
    runs: 300,
    cases: () =>
      fc.oneof(
        // Not an RFC 1123 hostname: a 400 naming host_name in the service.
        malformedBody({
          base: { host_name: "not_a_hostname!" },
          known: keysOf(hostUpdateSchema),
          fields: { host_name: "string", host_role: "string" },
          names: ["host_name"],
          maxBodyBytes: env().ARCHWAY_MAX_BODY_BYTES,
        }),
        fc
          .string({ maxLength: 12 })
          .filter((r) => !(ROLES as readonly string[]).includes(r))
          .map(
            (r): Case => ({
              defect: "no such role",
              body: json({ host_role: r }),
              headers: {},
              status: 400,
              field: "host_role",
            }),
          ),
        noSuchHost(() => ({ body: json({ host_role: "worker" }) })),
      ),
  },
  {
    name: "DELETE infra-envs/{id}/hosts/{id}",
    handler: hostOne.DELETE,
    method: "DELETE",
    path: hostPath,
    ...inHost,
    runs: 150,
    cases: () =>
      fc.oneof(
        noSuchHost(),
        fc.uuid().map(
          (ie): Case => ({
            defect: "host of no such infra-env",
            params: { infra_env_id: ie },
            headers: {},
            status: 404,
          }),
        ),
      ),
  },
  {
    name: "POST infra-envs/{id}/hosts/{id}/actions/bind",
    handler: bind.POST,
    method: "POST",
    path: `${hostPath}/actions/bind`,
    ...inHost,
    runs: 300,
    cases: () =>
      fc.oneof(
        // No such cluster: a 400 naming cluster_id in the service.
        malformedBody({
          base: { cluster_id: "00000000-0000-4000-8000-00000000c1c1" },
          known: ["cluster_id"],
          fields: { cluster_id: "string" },
          maxBodyBytes: env().ARCHWAY_MAX_BODY_BYTES,
        }),
        fc.constant<Case>({
          defect: "already bound",
          body: json({ cluster_id: ids.cluster }),
          headers: {},
          status: 409,
        }),
        noSuchHost(() => ({ body: json({ cluster_id: ids.cluster }) })),
      ),
  },
  {
    name: "POST infra-envs/{id}/hosts/{id}/actions/unbind",
    handler: unbind.POST,
    method: "POST",
    path: `${hostPath}/actions/unbind`,
    ...inHost,
    runs: 150,
    cases: () =>
      fc.oneof(
        // Its infra-env belongs to the cluster: delete it instead.
        fc
          .option(fc.uint8Array({ maxLength: 64 }), { nil: undefined })
          .map((b): Case => ({ defect: "cluster's own infra-env", body: b, headers: {}, status: 400 })),
        fc.constant<Case>({
          defect: "not bound",
          id: ids.host2,
          params: { infra_env_id: ids.infraEnv2 },
          headers: {},
          status: 409,
        }),
        noSuchHost(),
      ),
  },
  // Deletes and actions on ids that name nothing (or on a job that has ended).
  ...(
    [
      ["DELETE clusters/{id}", clusterOne.DELETE, "cluster_id"],
      ["DELETE infra-envs/{id}", infraEnvOne.DELETE, "infra_env_id"],
      ["POST infra-envs/{id}/regenerate-signing-key", regenerate.POST, "infra_env_id"],
      ["DELETE public-keys/{id}", keyOne.DELETE, "public_key_id"],
      ["DELETE recipes/{id}", recipeOne.DELETE, "recipe_id"],
      ["DELETE images/{id}", imageOne.DELETE, "image_id"],
      ["POST jobs/{id}/retry", retry.POST, "job_id"],
    ] as const
  ).map(
    ([name, handler, param]): Target => ({
      name,
      handler,
      method: name.split(" ")[0],
      path: "/x",
      param,
      runs: 200,
      cases: () => noSuchId(),
    }),
  ),
  {
    name: "POST jobs/{id}/cancel",
    handler: cancel.POST,
    method: "POST",
    path: "/apis/ims/v3/jobs/x/cancel",
    param: "job_id",
    runs: 200,
    cases: () =>
      fc.oneof(noSuchId(), fc.constant<Case>({ defect: "job already ended", id: ids.job, headers: {}, status: 409 })),
  },
  {
    name: "POST os-images/{id}/fetch",
    handler: osImageFetch.POST,
    method: "POST",
    path: "/api/assisted-install/v2/os-images/x/fetch",
    param: "os_image_id",
    runs: 200,
    cases: () =>
      fc
        .oneof(
          fc.constantFrom("0", "-1", "1.0", " 1", "0x1", "1e0", "+1", "NaN", "Infinity", "99999999999999999999"),
          fc.integer({ min: 1_000_000, max: 2 ** 31 - 1 }).map(String),
          fc.string({ maxLength: 20 }).filter((s) => !/^\d+$/.test(s)),
        )
        .map((id): Case => ({ defect: "no such OS image", id, headers: {}, status: 404 })),
  },
  {
    name: "DELETE jobs/{id}?keep_logs",
    handler: jobOne.DELETE,
    method: "DELETE",
    path: "/apis/ims/v3/jobs/x",
    param: "job_id",
    id: () => ids.job,
    runs: 200,
    cases: query({ keep_logs: { enum: ["true", "false"] } }),
  },
  // Accounts (admin).
  {
    name: "POST tokens",
    handler: tokenList.POST,
    method: "POST",
    path: "/api/v1/tokens",
    runs: 150,
    cases: body({
      base: { name: "fuzz token", role: "viewer" },
      known: keysOf(tokenCreateSchema),
      fields: { name: "string", role: "string", expires_in_days: "int" },
      names: ["name"],
    }),
  },
  {
    name: "DELETE tokens/{id}",
    handler: tokenOne.DELETE,
    method: "DELETE",
    path: "/api/v1/tokens/x",
    param: "token_id",
    runs: 100,
    cases: () => noSuchId(),
  },
  {
    name: "POST users",
    handler: users.POST,
    method: "POST",
    path: "/api/v1/users",
    runs: 150,
    cases: body({
      base: { username: "fuzz-user", password: "fuzz-password", role: "viewer" },
      known: keysOf(userCreateSchema),
      fields: { username: "string", password: "string", role: "string" },
      names: [],
    }),
  },
  {
    name: "PATCH users/{id}",
    handler: userOne.PATCH,
    method: "PATCH",
    path: "/api/v1/users/x",
    param: "user_id",
    id: () => "no-such-user",
    runs: 100,
    cases: body({ base: { role: "viewer" }, known: keysOf(userUpdateSchema), fields: { role: "string" }, names: [] }),
  },
  {
    name: "DELETE users/{id}",
    handler: userOne.DELETE,
    method: "DELETE",
    path: "/api/v1/users/x",
    param: "user_id",
    runs: 100,
    cases: () => noSuchId(),
  },
  {
    name: "GET audit",
    handler: audit.GET,
    method: "GET",
    path: "/api/v1/audit",
    runs: 150,
    cases: query({ actor: { maxLength: 200 }, action: { maxLength: 64 }, ...PAGE }),
  },
  // GETs with query parameters.
  {
    name: "GET events",
    handler: events.GET,
    method: "GET",
    path: "/api/assisted-install/v2/events",
    runs: 400,
    cases: query({
      cluster_id: "uuid",
      infra_env_id: "uuid",
      host_id: "uuid",
      severities: "severities",
      message: { maxLength: 256 },
      order: { enum: ["ascending", "descending"] },
      ...ASSISTED_PAGE,
    }),
  },
  {
    name: "GET clusters",
    handler: clusters.GET,
    method: "GET",
    path: "/api/assisted-install/v2/clusters",
    runs: 250,
    cases: query({ name: { maxLength: 128 }, cpu_architecture: "arch", ...ASSISTED_PAGE }),
  },
  {
    name: "GET infra-envs/{id}/hosts",
    handler: hosts.GET,
    method: "GET",
    path: "/api/assisted-install/v2/infra-envs/x/hosts",
    param: "infra_env_id",
    id: () => ids.infraEnv,
    runs: 200,
    cases: query(ASSISTED_PAGE),
  },
  {
    name: "GET infra-envs",
    handler: infraEnvs.GET,
    method: "GET",
    path: "/api/assisted-install/v2/infra-envs",
    runs: 250,
    cases: query({ cluster_id: "uuid", name: { maxLength: 128 }, cpu_architecture: "arch", ...ASSISTED_PAGE }),
  },
  {
    name: "GET openshift-versions",
    handler: versions.GET,
    method: "GET",
    path: "/api/assisted-install/v2/openshift-versions",
    runs: 200,
    cases: query({ only_latest: { enum: ["true", "false"] } }),
  },
  {
    name: "GET infra-envs/{id}/downloads/image-url",
    handler: imageUrl.GET,
    method: "GET",
    path: "/api/assisted-install/v2/infra-envs/x/downloads/image-url",
    param: "infra_env_id",
    id: () => ids.infraEnv,
    runs: 250,
    cases: query({ image_type: { enum: IMAGE_TYPES } }),
  },
  {
    name: "GET infra-envs/{id}/downloads/files",
    handler: files.GET,
    method: "GET",
    path: "/api/assisted-install/v2/infra-envs/x/downloads/files",
    param: "infra_env_id",
    id: () => ids.infraEnv,
    runs: 250,
    cases: query({ file_name: { enum: ["discovery.ign"] } }),
  },
  ...(
    [
      ["GET images", images.GET, { name: { maxLength: 128 }, arch: "arch", ...PAGE }],
      ["GET recipes", recipes.GET, { name: { maxLength: 128 }, arch: "arch", ...PAGE }],
      ["GET public-keys", keys.GET, { name: { maxLength: 128 }, ...PAGE }],
      ["GET jobs", jobs.GET, { status: { enum: JOB_STATUSES }, job_type: { enum: JOB_TYPES }, arch: "arch", ...PAGE }],
    ] as const
  ).map(
    ([name, handler, spec]): Target => ({
      name,
      handler,
      method: "GET",
      path: `/apis/ims/v3/${name.split(" ")[1]}`,
      runs: 300,
      cases: query(spec as Record<string, QueryKind>),
    }),
  ),
  {
    name: "GET jobs/{id}/logs",
    handler: logs.GET,
    method: "GET",
    path: "/apis/ims/v3/jobs/x/logs",
    param: "job_id",
    id: () => ids.job,
    runs: 600,
    cases: () =>
      fc.oneof(
        malformedQuery({
          step: { maxLength: 64 },
          after: { int: [0, 2 ** 31 - 1] },
          follow: { enum: ["0", "1", "true", "false"] },
        }),
        fc.tuple(badLastEventId, fc.boolean()).map(
          ([v, sse]): Case => ({
            defect: "bad Last-Event-ID",
            query: sse ? { follow: "1" } : {},
            headers: { "last-event-id": v, ...(sse ? { accept: "text/event-stream" } : {}) },
            status: 400,
            field: "headers.Last-Event-ID",
          }),
        ),
      ),
  },
];

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
/** Handlers the fuzz does not send malformed requests to, and why. */
const EXEMPT: Record<string, string> = {
  "app/iso/[token]/[version]/[arch]/[file]/route.ts GET":
    "a download by signed token: its Range handling is the artifact download's (fuzzed below), the files are not there in tests",
  "app/iso/[token]/[version]/[arch]/[file]/route.ts HEAD": "as its GET",
  "app/rootfs/[version]/[arch]/[file]/route.ts GET": "a cached download, as the ISO's",
  "app/rootfs/[version]/[arch]/[file]/route.ts HEAD": "as its GET",
  "app/apis/ims/v3/artifacts/[artifact_id]/route.ts HEAD": "the same handler as its GET, fuzzed on Range below",
  "app/apis/ims/v3/recipes/[recipe_id]/archive/route.ts GET":
    "a stored artifact through the same streamFile as the artifact download (fuzzed on Range below); only the id varies",
  "app/apis/ims/v3/recipes/[recipe_id]/archive/route.ts HEAD": "as its GET",
  "app/api/auth/[...all]/route.ts GET":
    "the sign-in library's endpoints (better-auth validates its own input); lib/auth/*.test.ts and e2e/auth.*.spec.ts drive them",
  "app/api/auth/[...all]/route.ts POST": "as its GET",
};

/**
 * Every exported handler in app/**\/route.ts that takes input a client can get wrong: every
 * POST/PUT/PATCH/DELETE, and a GET or HEAD that declares a `query` schema or an `auth` hook, or that
 * does not go through route() (it reads the request itself).
 */
function routeHandlersTakingInput(): { file: string; method: string }[] {
  const out: { file: string; method: string }[] = [];
  const files = (readdirSync(path.join(ROOT, "app"), { recursive: true }) as string[])
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => path.join("app", f).split(path.sep).join("/"))
    .sort();
  for (const file of files) {
    const src = readFileSync(path.join(ROOT, file), "utf8");
    const exported = /export\s+(?:const\s+(\w+)\s*=\s*([^;]*)|(?:async\s+)?function\s+(\w+))/g;
    for (const m of src.matchAll(exported)) {
      const method = m[1] ?? m[3];
      if (!/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(method)) continue;
      if (method !== "GET" && method !== "HEAD") {
        out.push({ file, method });
        continue;
      }
      const init = m[2] ?? "";
      // route({ ...options }, handler): the options are what comes before the handler.
      const options = init.startsWith("route(") ? init.slice(0, init.search(/async\s*\(|\(\s*\)\s*=>/)) : null;
      if (options === null || /\b(query|auth)\b/.test(options)) out.push({ file, method });
    }
  }
  return out;
}

beforeAll(async () => {
  const make = async (h: Handler, path: string, b: unknown) => {
    const res = await call(h, { method: "POST", path, body: b });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  ids.cluster = await make(clusters.POST, "/c", { name: "fuzz-fixture", openshift_version: "4.14" });
  ids.infraEnv = await make(infraEnvs.POST, "/i", { name: "fuzz fixture", cluster_id: ids.cluster });
  ids.infraEnv2 = await make(infraEnvs.POST, "/i", { name: "fuzz fixture two" });
  tokens.one = await agentTokenOf(ids.infraEnv);
  tokens.two = await agentTokenOf(ids.infraEnv2);
  for (const [key, ie, token] of [
    ["host", ids.infraEnv, tokens.one],
    ["host2", ids.infraEnv2, tokens.two],
  ] as const) {
    const agent = new Agent(ie, token);
    await agent.boot({ hostname: `fuzz-${key}` });
    ids[key] = agent.hostId;
  }
  ids.publicKey = await make(keys.POST, "/k", { name: "fuzz fixture", public_key: SSH_KEY });
  ids.recipe = await make(recipes.POST, "/r", {
    name: "fuzz fixture",
    recipe_type: "kiwi-ng",
    linux_distribution: "sles15",
  });
  ids.image = await make(images.POST, "/m", { name: "fuzz fixture" });
  const artifact = await call(artifacts.POST, {
    method: "POST",
    rawBody: new TextEncoder().encode("0123456789abcdef"),
  });
  ids.artifact = artifact.body.id;
  const job = await db().job.create({
    data: { jobType: "create", artifactId: ids.recipe, arch: "x86_64", status: "success", stepTimes: {} },
  });
  ids.job = job.id;
  await db().jobLogLine.createMany({
    data: [1, 2, 3].map((seq) => ({ jobId: job.id, seq, step: "build", line: `line ${seq}` })),
  });
}, 60_000);

/** A normal request still works: the server survived whatever came before. */
async function expectAlive() {
  const list = await call(clusters.GET, { path: "/api/assisted-install/v2/clusters" });
  expect(list.status).toBe(200);
  expect(list.body.map((c: { id: string }) => c.id)).toContain(ids.cluster);
  const log = await call(logs.GET, { path: "/x?after=1", params: { job_id: ids.job } });
  expect(log.text).toBe("line 2\nline 3\n");
}

describe("malformed requests", () => {
  for (const t of TARGETS) {
    it(`${t.name}: every malformed request is a 4xx problem and changes no table`, async () => {
      const before = await rowCounts(); // per route, so one route's failure does not fail the next ones
      const hostsBefore = t.hosts ? await hostState() : undefined;
      await fc.assert(
        fc.asyncProperty(t.cases(), async (c) => {
          const res = await send(t, c);
          const what = `${t.name}, ${c.defect}: ${res.status} ${res.text.slice(0, 300)}`;
          expectProblem(res, c, what);
          expect(await rowCounts(), what).toEqual(before);
          if (hostsBefore) expect(await hostState(), what).toEqual(hostsBefore);
        }),
        { seed: SEED, numRuns: scaled(t.runs) },
      );
      await expectAlive();
    }, 120_000);
  }

  it("Range headers on an artifact download: 200, 206 or 416 with consistent lengths, never a 5xx", async () => {
    const before = await rowCounts();
    const size = 16;
    const range = fc.oneof(
      headerText,
      fc
        .tuple(
          fc.option(fc.bigInt({ min: -10n, max: 10n ** 20n })),
          fc.option(fc.bigInt({ min: -10n, max: 10n ** 20n })),
        )
        .map(([a, b]) => `bytes=${a ?? ""}-${b ?? ""}`),
      fc.constantFrom("bytes=", "bytes=-", "bytes=0-1,3-4", "items=0-1", "bytes=1e3-", "bytes=0x1-2", "bytes=5-2"),
    );
    await fc.assert(
      fc.asyncProperty(range, async (value) => {
        sent++;
        const res = await call(artifactOne.GET, { params: { artifact_id: ids.artifact }, headers: { range: value } });
        const what = `Range ${JSON.stringify(value)}: ${res.status}`;
        expect([200, 206, 416], what).toContain(res.status);
        if (res.status === 200) expect(res.bytes.length, what).toBe(size);
        if (res.status === 416) expect(res.headers.get("content-range"), what).toBe(`bytes */${size}`);
        if (res.status === 206) {
          const m = /^bytes (\d+)-(\d+)\/16$/.exec(res.headers.get("content-range") ?? "");
          expect(m, what).not.toBeNull();
          const [start, end] = [Number(m![1]), Number(m![2])];
          expect(start <= end && end < size && res.bytes.length === end - start + 1, what).toBe(true);
        }
        expect(await rowCounts(), what).toEqual(before);
      }),
      { seed: SEED, numRuns: scaled(300) },
    );
  }, 120_000);

  it("fuzzes every route that takes input: a new one must be added to TARGETS (or exempted here, with why)", async () => {
    const fuzzed = new Set<unknown>([...TARGETS.map((t) => t.handler), artifactOne.GET]);
    const missing: string[] = [];
    const required = routeHandlersTakingInput();
    // The scan itself works: it finds the routes known to take input.
    expect(required.length).toBeGreaterThanOrEqual(TARGETS.length - 5);
    for (const { file, method } of required) {
      if (EXEMPT[`${file} ${method}`]) continue;
      const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      if (!fuzzed.has(mod[method])) missing.push(`${method} ${file}`);
    }
    expect(missing, `route handlers that take input but are not in the fuzz's TARGETS:\n${missing.join("\n")}`).toEqual(
      [],
    );
  });

  it("sent at least 10,000 malformed requests", () => {
    if (process.env.FUZZ_SCALE) return; // a scaled run (for speed or depth) sends what it was asked to
    expect(sent).toBeGreaterThanOrEqual(10_000);
  });
});

afterAll(async () => {
  if (!ids.job) return; // the fixtures failed; that is reported already
  await expectAlive();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const where = process.env.TEST_PG_ADMIN_URL ? "postgresql" : "sqlite";
  console.log(`[fuzz] ${sent} malformed requests in ${seconds} s (seed ${SEED}, ${where})`);
});

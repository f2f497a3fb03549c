// The README's promise, checked for real on a machine lacking a runtime Debian package (mtools is
// removed: the sample ISOs cannot be built without it). First `npm start` with
// ARCHWAY_INSTALL_SYSTEM_DEPS=0: it must print the one command, and the console must show it in
// the browser while the base images fail for that reason. Then plain `npm start` on the same data
// dir: it installs the package, the failed images heal on their own, and both sample base ISOs end
// ready with both sample images and recipes imported. It signs in as a newcomer would: `admin` with
// the password the first start wrote to <data>/initial-admin-password. Needs root and apt; skipped otherwise.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { ROOT } from "./db/providers.mjs";
import { installed } from "./system-deps.mjs";

const PACKAGE = "mtools";
const DEADLINE_MS = 6 * 60_000;

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

let dataDirOfRun = "";
let sessionCookie = "";

/** The first start's admin password, once the console has written it. */
function adminPassword() {
  try {
    return readFileSync(path.join(dataDirOfRun, "initial-admin-password"), "utf8").trim();
  } catch {
    return null;
  }
}

/** Signs in as admin through the console's sign-in endpoint; the session cookie is kept for later calls. */
async function signIn(base) {
  const password = adminPassword();
  if (!password) return false;
  const res = await fetch(`${base}/api/auth/sign-in/username`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ username: "admin", password }),
  }).catch(() => null);
  if (!res?.ok) return false;
  sessionCookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return true;
}

async function getJson(base, p) {
  if (!sessionCookie && !(await signIn(base))) return null;
  const res = await fetch(`${base}${p}`, { headers: { cookie: sessionCookie } }).catch(() => null);
  if (res?.status === 401) sessionCookie = "";
  return res?.ok ? res.json() : null;
}

/** Resolves with a description of what is not ready yet, or null when everything is. */
async function pending(base) {
  const table = await getJson(base, "/api/assisted-install/v2/os-images");
  if (!table) return "the console is not answering yet";
  // A failed image may still heal (a retry at start-up): it is awaited like the rest, its reason shown.
  const failed = table.os_images.find((r) => r.base_image.status === "failed");
  if (failed) return `base image of ${failed.cpu_architecture} failed: ${failed.base_image.error}`;
  const notReady = table.os_images.filter((r) => r.base_image.status !== "ready");
  if (notReady.length) return `${notReady.length} base image(s) not ready`;
  const images = (await getJson(base, "/apis/ims/v3/images")) ?? [];
  const recipes = (await getJson(base, "/apis/ims/v3/recipes")) ?? [];
  const archOf = (list) => new Set(list.filter((i) => i.name.startsWith("sample-")).map((i) => i.arch));
  for (const arch of ["x86_64", "aarch64"]) {
    if (!archOf(images).has(arch)) return `sample image for ${arch} not imported yet`;
    if (!archOf(recipes).has(arch)) return `sample recipe for ${arch} not created yet`;
  }
  return null;
}

/** `node scripts/start.mjs` as a newcomer runs it (default SQLite under the data dir), output echoed. */
async function start(dataDir, extraEnv) {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", ARCHWAY_DATA_DIR: dataDir, ...extraEnv };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = [];
  for (const s of [child.stdout, child.stderr])
    s.on("data", (d) => {
      out.push(String(d));
      process.stdout.write(d);
    });
  let exited = null;
  const gone = new Promise((r) => child.on("exit", (code) => r((exited = code))));
  return {
    base: `http://127.0.0.1:${port}`,
    log: () => out.join(""),
    exited: () => exited,
    stop: async () => {
      if (exited === null) child.kill("SIGTERM");
      await gone;
    },
  };
}

/** Polls `what` (null when done, else what is awaited) until done, the server exits, or the deadline. */
async function until(server, what) {
  const started = Date.now();
  let last = "";
  for (;;) {
    if (server.exited() !== null) throw new Error(`npm start exited (${server.exited()}) while waiting for ${last}`);
    const awaited = await what();
    if (awaited === null) return;
    if (Date.now() - started > DEADLINE_MS) throw new Error(`still waiting after ${DEADLINE_MS / 1000} s: ${awaited}`);
    if (awaited !== last) console.log(`  waiting: ${awaited}`);
    last = awaited;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The console says, above its pages, which package is missing and the command that installs it. */
async function expectNoticeInBrowser(base) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/os-images`);
    // Not signed in: the console sends the browser to its sign-in page; the password is in the data dir.
    await page.getByLabel("User name").fill("admin");
    await page.getByLabel("Password").fill(adminPassword() ?? "");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Clusters" }).waitFor({ timeout: 15_000 });
    await page.goto(`${base}/os-images`);
    const notice = page.getByRole("status", { name: "Missing system packages" });
    await notice.waitFor({ timeout: 15_000 });
    const text = (await notice.textContent()) ?? "";
    const command = await notice.getByRole("textbox").inputValue();
    if (!text.includes("EFI boot images") || command !== `sudo apt-get install -y --no-install-recommends ${PACKAGE}`)
      throw new Error(`the console's notice does not name ${PACKAGE} and its command: ${text} / ${command}`);
    await page.screenshot({ path: path.join(ROOT, "test-results/fresh-start-missing-package.png") });
  } finally {
    await browser.close();
  }
}

export async function checkFreshStart() {
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/apt-get")) {
    console.log("fresh-start check skipped: it needs root and apt (it removes and reinstalls a Debian package)");
    return true;
  }
  const remove = spawnSync("apt-get", ["remove", "-y", "-qq", "-o=Dpkg::Use-Pty=0", PACKAGE], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (remove.status !== 0 || installed(PACKAGE)) throw new Error(`could not remove ${PACKAGE} to start the check`);
  console.log(`removed ${PACKAGE}; starting the console as a newcomer would (npm start)`);

  const dataDir = mkdtempSync(path.join(tmpdir(), "archway-fresh-"));
  dataDirOfRun = dataDir;
  let server = null;
  try {
    server = await start(dataDir, { ARCHWAY_INSTALL_SYSTEM_DEPS: "0" });
    await until(server, async () => {
      const table = await getJson(server.base, "/api/assisted-install/v2/os-images");
      const failed = table?.os_images.filter((r) => r.base_image.status === "failed") ?? [];
      return failed.length && failed.every((r) => r.base_image.error.includes(PACKAGE)) ? null : "base images to fail";
    });
    if (!server.log().includes(`run: sudo apt-get install -y --no-install-recommends ${PACKAGE}`))
      throw new Error("npm start with ARCHWAY_INSTALL_SYSTEM_DEPS=0 did not print the command to run");
    await expectNoticeInBrowser(server.base);
    await server.stop();
    console.log(`without installing: the command was printed and shown in the console; now plain npm start`);

    server = await start(dataDir, {});
    await until(server, () => pending(server.base));
    if (!installed(PACKAGE)) throw new Error(`${PACKAGE} was not reinstalled`);
    if (!server.log().includes("installing Debian packages") || !server.log().includes(PACKAGE))
      throw new Error("npm start did not say which packages it installed");
    console.log(`fresh start: ${PACKAGE} reinstalled by npm start; the failed base images healed; samples imported`);
    return true;
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    // Whatever happened, leave the machine with the package (the rest of the suite needs it).
    if (!installed(PACKAGE)) spawnSync("apt-get", ["install", "-y", "-qq", PACKAGE], { stdio: "inherit" });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  checkFreshStart().then(
    () => process.exit(0),
    (err) => {
      console.error(`fresh-start check failed: ${err.message}`);
      process.exit(1);
    },
  );
}

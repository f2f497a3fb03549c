// Roles in the browser: a viewer and an operator (made through the users API with an admin token) walk
// the main pages; every action control their role cannot take is disabled and says which role it needs
// (its hover text and accessible description), and an admin finds the same controls usable.
// Screenshots of a viewer's pages go to E2E_ROLE_SCREENSHOTS when set.
import path from "node:path";
import { type APIRequestContext, expect, type Locator, request as newRequest, type Page, test } from "@playwright/test";
import { createClusterViaApi, createInfraEnvViaApi, uniqueName } from "./fixtures";
import {
  createPublicKeyViaApi,
  createRecipeViaApi,
  ed25519Key,
  finishedJob,
  sampleImage,
  startCustomize,
} from "./ims-fixtures";

type Role = "viewer" | "operator" | "admin";
const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

type Seeded = { cluster: string; infraEnv: string; recipe: string; image: string; job: string; key: string };
let seeded: Promise<Seeded> | undefined;

async function admin(baseURL: string): Promise<APIRequestContext> {
  return newRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${process.env.E2E_TOKEN}` } });
}

/** One of each thing the pages act on, made once per worker by the admin. */
function seed(baseURL: string): Promise<Seeded> {
  seeded ??= (async () => {
    const api = await admin(baseURL);
    const cluster = await createClusterViaApi(api, { name: uniqueName("roles"), openshift_version: "4.14" });
    const infraEnv = await createInfraEnvViaApi(api, { name: uniqueName("roles-ie"), openshift_version: "4.14" });
    const recipe = await createRecipeViaApi(api, {
      name: uniqueName("roles-recipe"),
      recipe_type: "kiwi-ng",
      linux_distribution: "sles15",
    });
    const image = await sampleImage(api, "x86_64");
    const key = uniqueName("roles-key");
    await createPublicKeyViaApi(api, key, ed25519Key(key).line);
    // A job that failed: its page offers Delete and Retry.
    const job = await finishedJob(api, (await startCustomize(api, image, "exit 3\n")).id);
    await api.dispose();
    return { cluster: cluster.id, infraEnv: infraEnv.id, recipe: recipe.id, image: image.id, job: job.id, key };
  })();
  return seeded;
}

/** The controls of the main pages, each with the weakest role that may use it (as the routes declare). */
function controls(s: Seeded): { path: string; heading: RegExp; items: [string, Role][] }[] {
  return [
    { path: "/clusters", heading: /^Clusters$/, items: [["New cluster", "operator"]] },
    {
      path: `/clusters/${s.cluster}`,
      heading: /^roles/,
      items: [
        ["Edit", "operator"],
        ["Delete", "operator"],
        ["Add infra-env", "operator"],
      ],
    },
    { path: "/infra-envs", heading: /^Infra-envs$/, items: [["New infra-env", "operator"]] },
    {
      path: `/infra-envs/${s.infraEnv}`,
      heading: /^roles-ie/,
      items: [
        ["Generate discovery ISO", "operator"],
        ["Revoke all links", "admin"],
        ["Delete", "operator"],
      ],
    },
    { path: "/recipes", heading: /^Recipes$/, items: [["New recipe", "operator"]] },
    {
      path: `/recipes/${s.recipe}`,
      heading: /^roles-recipe/,
      items: [
        ["Change architecture", "operator"],
        ["Edit", "operator"],
        ["Delete", "operator"],
        ["Upload archive", "operator"],
      ],
    },
    {
      path: `/images/${s.image}`,
      heading: /^sample-debian12-busybox/,
      items: [
        ["Customize", "operator"],
        ["Change architecture", "operator"],
        ["Delete", "operator"],
        ["Add label", "operator"],
      ],
    },
    {
      path: "/public-keys",
      heading: /^Public keys$/,
      items: [
        ["Add public key", "operator"],
        [`Delete public key ${s.key}`, "operator"],
      ],
    },
    {
      path: `/jobs/${s.job}`,
      heading: /^Customize job/,
      items: [
        ["Delete", "operator"],
        ["Retry", "operator"],
      ],
    },
  ];
}

/** A control by its exact name: a button, or for an allowed role a link styled as one (New infra-env). */
const control = (page: Page, name: string): Locator =>
  page
    .getByRole("main")
    .getByRole("button", { name, exact: true })
    .or(page.getByRole("main").getByRole("link", { name, exact: true }))
    .first();

async function walk(page: Page, role: Role, s: Seeded, shots?: string) {
  for (const { path: p, heading, items } of controls(s)) {
    await page.goto(p);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    for (const [name, needs] of items) {
      const c = control(page, name);
      await expect(c, `${p}: ${name}`).toBeVisible();
      if (RANK[role] >= RANK[needs]) {
        await expect(c, `${p}: ${name} for ${role}`).toBeEnabled();
        await expect(c).not.toHaveAttribute("title", /^Requires the/);
      } else {
        const reason = `Requires the ${needs} role (you are ${role})`;
        await expect(c, `${p}: ${name} for ${role}`).toBeDisabled();
        await expect(c).toHaveAttribute("title", reason);
        await expect(c).toHaveAccessibleDescription(reason);
      }
    }
    if (shots)
      await page.screenshot({
        path: path.join(shots, `ui-${role}${p.replace(/\/[0-9a-f-]{36}$/, "-detail").replace(/\//g, "-")}.png`),
        fullPage: true,
      });
  }
  // The OS image table's fetch is the admin's; its button may be busy for anyone while a fetch runs.
  await page.goto("/os-images");
  const fetch = page
    .getByRole("main")
    .getByRole("button", { name: /^(Re-)?fetch$/i })
    .first();
  await expect(fetch).toBeVisible({ timeout: 30_000 });
  if (role === "admin") await expect(fetch).not.toHaveAttribute("title", /^Requires the/);
  else {
    await expect(fetch).toBeDisabled();
    await expect(fetch).toHaveAccessibleDescription(`Requires the admin role (you are ${role})`);
  }
  if (shots) await page.screenshot({ path: path.join(shots, `ui-${role}-os-images.png`), fullPage: true });
}

async function signIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("User name").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login$/);
}

test.describe("signed in as a weaker role", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  for (const role of ["viewer", "operator"] as const) {
    test(`a ${role} sees every control it cannot use disabled, with the role it needs`, async ({ page, baseURL }) => {
      test.setTimeout(180_000);
      const s = await seed(baseURL!);
      const username = uniqueName(role).toLowerCase();
      const api = await admin(baseURL!);
      const made = await api.post("/api/v1/users", { data: { username, password: `${role}-password`, role } });
      expect(made.status(), await made.text()).toBe(201);
      await api.dispose();

      await signIn(page, username, `${role}-password`);
      await walk(page, role, s, role === "viewer" ? process.env.E2E_ROLE_SCREENSHOTS : undefined);
      // The admin pages are not offered.
      for (const name of ["Users", "Tokens", "Audit"])
        await expect(page.getByRole("navigation").getByRole("link", { name })).toHaveCount(0);
    });
  }
});

test("an admin finds the same controls usable", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const s = await seed(baseURL!);
  await walk(page, "admin", s);
});

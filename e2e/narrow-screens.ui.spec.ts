// The console on a phone (390 px wide): the navigation behind a Menu button, no page wider than the
// screen (tables scroll inside their own frame) with the status column in view; and the Jobs table
// fitting a 1440 px laptop screen whole, even with long names.
import { type APIRequestContext, expect, type Locator, type Page, test } from "@playwright/test";
import { createClusterViaApi, createInfraEnvViaApi, uniqueName } from "./fixtures";
import { finishedJob, IMS, sampleImage, startCustomize } from "./ims-fixtures";

/** One of each object, through the API; the job has a long name (they wrap in the Jobs table). */
async function seed(request: APIRequestContext) {
  const cluster = await createClusterViaApi(request, {
    name: uniqueName("narrow"),
    openshift_version: "4.14",
    cpu_architecture: "arm64",
    base_dns_domain: "a-rather-long-base-domain.lab.example.com",
  });
  const env = await createInfraEnvViaApi(request, { name: uniqueName("narrow-env"), cluster_id: cluster.id });
  const image = await sampleImage(request, "x86_64");
  const job = await startCustomize(
    request,
    image,
    "echo narrow\n",
    `${uniqueName("a-long-job-name")}-${"x".repeat(90)}`,
  );
  await finishedJob(request, job.id);
  const recipes = (await (await request.get(`${IMS}/recipes?name=sample-rootfs`)).json()) as { id: string }[];
  return { cluster, env, image, job, recipe: recipes[0] };
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a Menu button opens the navigation; navigating or Escape closes it", async ({ page }) => {
    await page.goto("/clusters");
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    // The button controls the navigation, which is out of the way until opened.
    const nav = page.locator(`[id="${await menu.getAttribute("aria-controls")}"]`);
    await expect(nav).toHaveAttribute("aria-label", "Main");
    await expect(nav).toBeHidden();

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Clusters" })).toHaveAttribute("aria-current", "page");
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();

    await menu.click();
    await nav.getByRole("link", { name: "Jobs" }).click();
    await expect(page).toHaveURL(/\/jobs$/);
    await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
  });

  test("no page scrolls sideways, and status columns stay in view", async ({ page, request }) => {
    test.setTimeout(150_000);
    const { cluster, env, image, job, recipe } = await seed(request);
    const pages: [string, string][] = [
      ["/clusters", "Clusters"],
      [`/clusters/${cluster.id}`, cluster.name],
      ["/infra-envs", "Infra-envs"],
      [`/infra-envs/${env.id}`, env.name],
      ["/os-images", "OS images"],
      ["/recipes", "Recipes"],
      [`/recipes/${recipe.id}`, /^sample-rootfs/],
      ["/images", "Images"],
      [`/images/${image.id}`, image.name],
      ["/jobs", "Jobs"],
      [`/jobs/${job.id}`, /^Customize job /],
      ["/public-keys", "Public keys"],
    ] as never;
    for (const [path, heading] of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(await pageWidth(page), `${path} is wider than the screen`).toBeLessThanOrEqual(390);
    }

    for (const [path, table] of [
      ["/clusters", "Clusters"],
      ["/jobs", "Jobs"],
    ]) {
      await page.goto(path);
      await expectWithinScreen(page.getByRole("table", { name: table }).getByRole("columnheader", { name: "Status" }));
    }
    await page.goto("/os-images");
    await expectWithinScreen(
      page.getByRole("table", { name: "OS images" }).getByRole("columnheader", { name: "Base ISO" }),
    );
  });
});

/** The element's box lies within the 390 px screen's width (its text is not cut by the table's scroll frame). */
async function expectWithinScreen(locator: Locator) {
  await expect(locator).toBeVisible();
  await expect
    .poll(async () => {
      const box = await locator.boundingBox();
      return box ? box.x >= 0 && box.x + box.width <= 390 + 0.5 : false;
    })
    .toBe(true);
}

test.describe("at 1440 px", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("the Jobs table fits without scrolling sideways", async ({ page, request }) => {
    test.setTimeout(120_000);
    const { job } = await seed(request);
    await page.goto("/jobs");
    const table = page.getByRole("table", { name: "Jobs" });
    await expect(table.getByRole("link", { name: /^a-long-job-name-/ }).first()).toBeVisible();
    await expect(table.getByRole("row").filter({ hasText: job.id.slice(0, 8) })).toBeVisible();
    const frame = await table.evaluate((t) => ({
      scroll: t.parentElement!.scrollWidth,
      client: t.parentElement!.clientWidth,
    }));
    expect(frame.scroll).toBeLessThanOrEqual(frame.client);
    expect(await pageWidth(page)).toBeLessThanOrEqual(1440);
  });
});

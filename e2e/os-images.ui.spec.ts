// The OS images page's base-ISO cache: rows reach Cached with the architecture found on the ISO,
// and Re-fetch runs a job whose progress and log show under the row.
import { expect, type Page, test } from "@playwright/test";

function osImageRow(page: Page, version: string, arch: string) {
  return page
    .getByRole("table", { name: "OS images" })
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: version, exact: true }) })
    .filter({ has: page.getByRole("cell", { name: arch, exact: true }) });
}

test("cached base ISOs show their status, detected architecture, size and sha256", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/os-images");
  // Fetched in the background at start; the page re-reads the table until every row settles.
  const arm = osImageRow(page, "4.14", "Arm64 (aarch64)");
  await expect(arm.getByText("Cached", { exact: true })).toBeVisible({ timeout: 90_000 });
  // Columns: version, architecture, OS image, base ISO, detected, size, sha256, actions.
  const cells = arm.getByRole("cell");
  await expect(cells.nth(4)).toHaveText("Arm64 (aarch64)");
  await expect(cells.nth(5)).toHaveText(/^\d+\.\d MiB$/);
  await expect(cells.nth(6).locator("code")).toHaveAttribute("title", /^[0-9a-f]{64}$/);
  await expect(arm.getByRole("button", { name: "Re-fetch" })).toBeEnabled();
});

test("Re-fetch on an x86_64 row shows the job's progress and log, ending in Cached", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/os-images");
  const row = osImageRow(page, "4.14", "x86_64");
  await expect(row.getByText("Cached", { exact: true })).toBeVisible({ timeout: 90_000 });

  await row.getByRole("button", { name: "Re-fetch" }).click();
  const job = page.getByRole("region", { name: "Fetch job: 4.14 x86_64" });
  const bar = job.getByRole("progressbar", { name: "Fetching the 4.14 x86_64 base ISO" });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
  await expect(job).toContainText("Fetched and verified");
  await expect(row.getByText("Cached", { exact: true })).toBeVisible();

  // The log was followed while the job ran; once it succeeded it folds away but stays readable.
  await job.getByText(/^Log \(\d+ lines\)$/).click();
  const log = job.getByRole("log", { name: "Fetch log: 4.14 x86_64" });
  await expect(log).toContainText("Fetching file://");
  await expect(log).toContainText("verifying");
  expect(Number((await job.getByText(/^Log \(\d+ lines\)$/).textContent())?.match(/\d+/)?.[0])).toBeGreaterThan(3);

  await job.getByRole("button", { name: "Dismiss" }).click();
  await expect(job).toBeHidden();
});

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
  // Columns: version, architecture, base ISO, OS image, detected, size, sha256, actions.
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
  // The row's url is a file on the server: the log names the file, never its absolute path.
  await expect(log).toContainText(/Fetching live-x86_64(-r\d+)?\.iso \(on the server\)/);
  await expect(log).not.toContainText("file://");
  await expect(log).toContainText("verifying");
  expect(Number((await job.getByText(/^Log \(\d+ lines\)$/).textContent())?.match(/\d+/)?.[0])).toBeGreaterThan(3);

  await job.getByRole("button", { name: "Dismiss" }).click();
  await expect(job).toBeHidden();
});

test("a base ISO that cannot be fetched shows its reason, a folded log and Retry; no server paths anywhere", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // playwright.config.ts adds an IBM Z row at 4.14 whose file does not exist.
  await page.goto("/os-images");
  const row = osImageRow(page, "4.14", "IBM Z (s390x)");
  await expect(row.getByText("Failed", { exact: true })).toBeVisible({ timeout: 90_000 });
  const job = page.getByRole("region", { name: "Fetch job: 4.14 s390x" });
  await expect(job).toContainText("live-s390x.iso does not exist on the server or is not a file");
  const firstJob = await job.locator("code").first().textContent();

  // One line of reason; the log is folded until asked for, then shows the job's lines as written.
  const log = job.getByRole("log", { name: "Fetch log: 4.14 s390x" });
  await expect(log).toBeHidden();
  await job.getByText(/^Log \(\d+ lines?\)$/).click();
  await expect(log).toBeVisible();
  await expect(log).toContainText("Fetching live-s390x.iso (on the server)");
  expect(await log.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
  // The same log component as a job's page: searchable, with the stream's state, copy and download.
  await expect(job.getByRole("searchbox", { name: "Search the log" })).toBeVisible();
  await expect(job.getByText("Complete", { exact: true })).toBeVisible();
  await expect(job.getByRole("button", { name: /^Copy/ })).toBeVisible();

  // The availability matrix says the offer stands but its base image failed.
  const matrix = page.getByRole("table", { name: "Architecture availability by OpenShift version" });
  await expect(
    matrix
      .getByRole("row", { name: /^4\.14 \(4\.14\.38\)/ })
      .getByRole("cell")
      .nth(3),
  ).toContainText("Available, base image failed");

  // Nothing on the page gives away where the server keeps its files.
  const text = (await page.locator("body").textContent()) ?? "";
  expect(text).not.toContain("file://");
  expect(text).not.toContain(process.env.E2E_DATA_DIR!);

  // Retry runs the fetch again as a new job, which fails the same way.
  await job.getByRole("button", { name: "Retry" }).click();
  await expect(job.locator("code").first()).not.toHaveText(firstJob!);
  await expect(job).toContainText("does not exist on the server", { timeout: 30_000 });
  await expect(job.getByRole("button", { name: "Retry" })).toBeEnabled();
});

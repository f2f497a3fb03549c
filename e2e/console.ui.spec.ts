// The console shell, the OS images admin page and the placeholder pages.
import { expect, test } from "@playwright/test";

test("the main navigation marks the current section", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/clusters$/);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Clusters" })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "OS images" }).click();
  await expect(page).toHaveURL(/\/os-images$/);
  await expect(nav.getByRole("link", { name: "OS images" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Clusters" })).not.toHaveAttribute("aria-current", "page");
});

test("the OS images page shows the table and why each architecture is or is not available", async ({ page }) => {
  await page.goto("/os-images");
  await expect(page).toHaveTitle("OS images · Archway");
  const matrix = page.getByRole("table", { name: "Architecture availability by OpenShift version" });
  // Columns: x86_64, Arm64, IBM Power, IBM Z, Multi.
  const cells = (version: RegExp) => matrix.getByRole("row", { name: version }).getByRole("cell");
  await expect(cells(/^4\.8 \(4\.8\.57\)/).nth(0)).toHaveText("Available");
  await expect(cells(/^4\.8 \(4\.8\.57\)/).nth(1)).toHaveText("Arm64 (aarch64) needs OpenShift 4.9 or later");
  await expect(cells(/^4\.9 \(4\.9\.59\)/).nth(1)).toContainText("Developer preview");
  await expect(cells(/^4\.14 \(4\.14\.38\)/).nth(2)).toHaveText(
    "No OS image or release image for IBM Power (ppc64le) at 4.14 in the image table",
  );
  await expect(cells(/^4\.14 \(4\.14\.38\)/).nth(4)).toContainText("Available");

  // One row per OS image (a row may have a details row under it: a fetch job, an error).
  const osImages = page.getByRole("table", { name: "OS images" });
  // The five sample rows and the IBM Z row playwright.config.ts adds.
  await expect(osImages.getByRole("row").filter({ has: page.getByRole("button", { name: /fetch/i }) })).toHaveCount(6);
  await expect(
    page.getByRole("table", { name: "Release images" }).getByRole("row").filter({ hasText: "4.14.38-multi" }),
  ).toContainText("Multi-architecture");
});

test("the shell shows the logo, and the favicon is served", async ({ page, request }) => {
  await page.goto("/clusters");
  const logo = page.getByRole("banner").locator('img[src="/logo.svg"]');
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const icon = page.locator('link[rel="icon"]');
  await expect(icon).toHaveAttribute("href", /\/favicon\.svg/);
  const res = await request.get((await icon.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("image/svg+xml");
});

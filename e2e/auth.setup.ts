// Signs in as admin through the real login page once; the UI specs reuse the session cookie.

import path from "node:path";
import { expect, test as setup } from "@playwright/test";

const adminState = path.join(process.env.E2E_DATA_DIR ?? "", "admin-session.json");

setup("sign in as admin", async ({ page }) => {
  await page.goto("/clusters");
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("User name").fill("admin");
  await page.getByLabel("Password").fill(process.env.E2E_ADMIN_PASSWORD ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Clusters" })).toBeVisible();
  await page.context().storageState({ path: adminState });
});

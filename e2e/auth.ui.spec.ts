// The sign-in page, sign-out, what a viewer is shown, and the admin pages (Tokens, Audit), with
// screenshots kept for a person to look at (E2E_SCREENSHOTS names the folder).
import path from "node:path";
import { expect, request as newRequest, type Page, test } from "@playwright/test";
import { uniqueName } from "./fixtures";

const shots = process.env.E2E_SCREENSHOTS;
const shoot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
};

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a wrong password is refused; a viewer sees what they cannot do, and why", async ({ page, baseURL }) => {
    const username = uniqueName("vera").toLowerCase();
    const admin = await newRequest.newContext({
      baseURL,
      extraHTTPHeaders: { Authorization: `Bearer ${process.env.E2E_TOKEN}` },
    });
    const made = await admin.post("/api/v1/users", { data: { username, password: "vera-password", role: "viewer" } });
    expect(made.status()).toBe(201);
    await admin.dispose();

    await page.goto("/clusters");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await shoot(page, "login");
    await page.getByLabel("User name").fill(username);
    await page.getByLabel("Password").fill("not-her-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Not signed in" })).toContainText(
      "Wrong user name or password",
    );

    await page.getByLabel("Password").fill("vera-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Clusters" })).toBeVisible();
    const create = page.getByRole("button", { name: "New cluster" }).first();
    await expect(create).toBeDisabled();
    await expect(create).toHaveAccessibleDescription("Requires the operator role (you are viewer)");
    await expect(page.getByRole("link", { name: "Tokens" })).toHaveCount(0);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/clusters");
    await expect(page).toHaveURL(/\/login$/);
  });
});

test("an admin creates a token (shown once) and finds it in the audit log", async ({ page }) => {
  const name = uniqueName("ci");
  await page.goto("/tokens");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Role").selectOption("operator");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByLabel("The new token")).toHaveValue(/^arch_/);
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("operator");
  await shoot(page, "tokens");

  await page.getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { name: "Audit" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "/api/v1/tokens/" }).first()).toContainText("admin");
  await shoot(page, "audit");
});

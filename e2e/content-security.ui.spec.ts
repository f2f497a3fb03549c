// Every page is sent with a Content-Security-Policy (scripts only by this response's nonce, no
// framing), Referrer-Policy and nosniff, and still works in Chromium with no CSP violation: the
// console's navigation, dialogs and live data all run under the policy.
import { expect, type Page, test } from "@playwright/test";
import { createClusterViaApi, createInfraEnvViaApi, uniqueName } from "./fixtures";

/** CSP violations the page reports, from the console and from securitypolicyviolation events. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to (execute|load|apply|connect|frame)/i.test(m.text())) seen.push(m.text());
  });
  page.on("pageerror", (e) => seen.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return seen;
}

test("pages carry the security headers and run with no CSP violation", async ({ page, request }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  const cluster = await createClusterViaApi(request, { name: uniqueName("csp"), openshift_version: "4.14" });
  const env = await createInfraEnvViaApi(request, { name: uniqueName("csp-env"), cluster_id: cluster.id });
  const nonces = new Set<string>();
  for (const path of [
    "/clusters",
    `/clusters/${cluster.id}`,
    "/infra-envs",
    `/infra-envs/${env.id}`,
    "/infra-envs/new",
    "/os-images",
    "/recipes",
    "/images",
    "/jobs",
    "/jobs/new",
    "/public-keys",
  ]) {
    const res = await page.goto(path);
    const headers = res!.headers();
    const csp = headers["content-security-policy"];
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]);
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    await expect(page.getByRole("navigation").first()).toBeVisible();
    await expect(page.locator("main h1").first()).toBeVisible();
  }
  expect(nonces.size).toBe(11); // a new nonce for every response

  // Client-side code runs: navigation and a dialog work, and the list loads through the API.
  await page.goto("/clusters");
  await expect(page.getByRole("link", { name: cluster.name })).toBeVisible();
  await page.getByRole("button", { name: "New cluster" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("link", { name: cluster.name }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${cluster.id}$`));
  await expect(page.locator("main h1")).toContainText(cluster.name);
  expect(violations).toEqual([]);
});

test("a page cannot be framed by another site", async ({ page, baseURL }) => {
  const violations: string[] = [];
  page.on("console", (m) => violations.push(m.text()));
  await page.setContent(`<iframe src="${baseURL}/clusters" width="600" height="400"></iframe>`);
  const frame = page.frames()[1];
  await expect.poll(() => violations.some((v) => /frame-ancestors|X-Frame-Options/i.test(v))).toBe(true);
  expect(await frame.locator("main").count()).toBe(0);
});

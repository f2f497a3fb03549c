// The Clusters and Infra-envs tables page and filter on the server: the browser asks for one page
// (limit/offset) and never the whole list, shows "1–20 of N" from X-Total-Count, and the Name and
// Architecture filters are server queries.
import { expect, type Page, type Request, test } from "@playwright/test";
import { createClusterViaApi, createInfraEnvViaApi, uniqueName } from "./fixtures";

const API = "/api/assisted-install/v2";

/** Every list request the page makes to `path` (query strings included). */
function listRequests(page: Page, path: string): URL[] {
  const seen: URL[] = [];
  page.on("request", (req: Request) => {
    const url = new URL(req.url());
    if (req.method() === "GET" && url.pathname === path) seen.push(url);
  });
  return seen;
}

for (const kind of ["clusters", "infra-envs"] as const) {
  test(`the ${kind} table loads one page at a time and filters on the server`, async ({ page, request }) => {
    test.setTimeout(120_000);
    const prefix = uniqueName(`pg-${kind === "clusters" ? "c" : "ie"}`);
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      const name = `${prefix}-${String(i).padStart(2, "0")}`;
      if (kind === "clusters") ids.push((await createClusterViaApi(request, { name, openshift_version: "4.14" })).id);
      else ids.push((await createInfraEnvViaApi(request, { name, openshift_version: "4.14" })).id);
    }
    const requests = listRequests(page, `${API}/${kind}`);
    await page.goto(`/${kind}`);
    const table = page.getByRole("table", { name: kind === "clusters" ? "Clusters" : "Infra-envs" });
    const pages = page.getByRole("navigation", { name: kind === "clusters" ? "Cluster pages" : "Infra-env pages" });
    await expect(pages).toContainText(/1–20 of \d+/);

    await page
      .getByRole("search", { name: `Filter ${kind}` })
      .getByLabel("Name")
      .fill(prefix);
    await expect(pages).toContainText("1–20 of 23");
    await expect(table.getByRole("row").filter({ hasText: prefix })).toHaveCount(20);
    // Newest first: the last one created heads the first page.
    await expect(table.getByRole("row").nth(1)).toContainText(`${prefix}-22`);
    await pages.getByRole("button", { name: "Next" }).click();
    await expect(pages).toContainText("21–23 of 23");
    await expect(table.getByRole("row").filter({ hasText: prefix })).toHaveCount(3);
    await expect(table.getByRole("row").last()).toContainText(`${prefix}-00`);
    await expect(pages.getByRole("button", { name: "Next" })).toBeDisabled();

    // The three rows of page 2 are deleted elsewhere: once the list is re-read (stale after 10 s, then the
    // tab regains focus) the empty page steps back to the last page that has rows.
    for (const id of ids.slice(0, 3)) expect((await request.delete(`${API}/${kind}/${id}`)).status()).toBe(204);
    await page.waitForTimeout(10_500);
    await page.evaluate(() => window.dispatchEvent(new Event("visibilitychange")));
    await expect(pages).toContainText("1–20 of 20");
    await expect(table.getByRole("row").nth(1)).toContainText(`${prefix}-22`);

    await page
      .getByRole("search", { name: `Filter ${kind}` })
      .getByLabel("Architecture")
      .selectOption("aarch64");
    await expect(page.getByText(`No ${kind} match these filters`)).toBeVisible();

    // Every list request was a page: the browser never asked for the whole list.
    expect(requests.length).toBeGreaterThan(2);
    for (const url of requests) expect(url.searchParams.get("limit"), url.search).toBe("20");
    expect(requests.some((u) => u.searchParams.get("offset") === "20" && u.searchParams.get("name") === prefix)).toBe(
      true,
    );
  });
}

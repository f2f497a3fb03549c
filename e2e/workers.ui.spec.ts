// The Workers page: the embedded worker of a one-process console (ARCHWAY_ROLE=all), alive, with its
// native architecture and slots, reached from the main navigation; its heartbeat moves while open.
import { expect, test } from "@playwright/test";

test("the Workers page shows the embedded worker, alive, and keeps its heartbeat current", async ({ page }) => {
  await page.goto("/jobs");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workers" }).click();
  await expect(page).toHaveURL(/\/workers$/);
  await expect(page).toHaveTitle("Workers · Archway");
  const table = page.getByRole("table", { name: "Workers" });
  const alive = table.getByRole("row").filter({ hasText: "Alive" });
  await expect(alive).toHaveCount(1);
  await expect(alive).toContainText("x86_64");
  await expect(alive).toContainText(/of 2 free/);
  // The page re-reads every 3 s and the worker beats every 5 s: the time shown changes.
  const heartbeat = alive.getByRole("cell").nth(6).locator("time");
  const before = await heartbeat.getAttribute("datetime");
  await expect(heartbeat).not.toHaveAttribute("datetime", before ?? "", { timeout: 15_000 });
});

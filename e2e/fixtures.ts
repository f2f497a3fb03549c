// Helpers shared by the UI specs: unique names and seeding through the real API (no stubs).
import { type APIRequestContext, expect, type Locator, type Page } from "@playwright/test";

const API = "/api/assisted-install/v2";

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

export type SeededCluster = {
  id: string;
  name: string;
  cpu_architecture: string;
  openshift_version: string;
  control_plane_count: number;
};

export async function createClusterViaApi(
  request: APIRequestContext,
  body: Record<string, unknown>,
): Promise<SeededCluster> {
  const res = await request.post(`${API}/clusters`, { data: body });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as SeededCluster;
}

export async function deleteClusterViaApi(request: APIRequestContext, id: string) {
  const res = await request.delete(`${API}/clusters/${id}`);
  expect(res.status()).toBe(204);
}

export async function getClusterViaApi(request: APIRequestContext, id: string): Promise<SeededCluster> {
  const res = await request.get(`${API}/clusters/${id}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as SeededCluster;
}

export type SeededInfraEnv = {
  id: string;
  name: string;
  cpu_architecture: string;
  openshift_version: string;
  type: string;
};

export async function createInfraEnvViaApi(
  request: APIRequestContext,
  body: Record<string, unknown>,
): Promise<SeededInfraEnv> {
  const res = await request.post(`${API}/infra-envs`, { data: body });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as SeededInfraEnv;
}

/** Opens the New cluster dialog once its versions have loaded. */
export async function openNewClusterDialog(page: Page): Promise<Locator> {
  await page.goto("/clusters");
  await page.getByRole("button", { name: "New cluster" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New cluster" });
  await expect(dialog.getByLabel("OpenShift version")).toBeVisible();
  return dialog;
}

/** The value (<dd>) next to a term (<dt>) in a description list. */
export function fact(scope: Page | Locator, term: string): Locator {
  return scope
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${term}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

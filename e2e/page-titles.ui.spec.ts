// Browser tabs name what they show: list pages by section, detail pages by the object's kind and name.
import { expect, test } from "@playwright/test";
import { createClusterViaApi, createInfraEnvViaApi, uniqueName } from "./fixtures";
import { finishedJob, IMS, sampleImage, startCustomize } from "./ims-fixtures";

test("list pages are titled by section", async ({ page }) => {
  for (const [path, title] of [
    ["/clusters", "Clusters"],
    ["/infra-envs", "Infra-envs"],
    ["/recipes", "Recipes"],
    ["/images", "Images"],
    ["/public-keys", "Public keys"],
    ["/jobs", "Jobs"],
    ["/os-images", "OS images"],
  ]) {
    await page.goto(path);
    await expect(page).toHaveTitle(`${title} · Archway`);
  }
});

test("detail pages are titled by the object they show", async ({ page, request }) => {
  test.setTimeout(120_000);
  const cluster = await createClusterViaApi(request, { name: uniqueName("arm-lab"), openshift_version: "4.14" });
  const env = await createInfraEnvViaApi(request, { name: uniqueName("title-env"), cluster_id: cluster.id });
  const image = await sampleImage(request, "x86_64");
  const job = await startCustomize(request, image, "true\n");
  await finishedJob(request, job.id);
  const [recipe] = (await (await request.get(`${IMS}/recipes?name=sample-rootfs`)).json()) as {
    id: string;
    name: string;
  }[];

  for (const [path, title] of [
    [`/clusters/${cluster.id}`, `cluster ${cluster.name}`],
    [`/infra-envs/${env.id}`, `infra-env ${env.name}`],
    [`/jobs/${job.id}`, `job ${job.id.slice(0, 8)}`],
    [`/images/${image.id}`, `image ${image.name}`],
    [`/recipes/${recipe.id}`, `recipe ${recipe.name}`],
  ]) {
    await page.goto(path);
    await expect(page).toHaveTitle(`${title} · Archway`);
  }

  // Moving between pages in the app keeps the titles right.
  await page.goto(`/clusters/${cluster.id}`);
  await page.getByRole("link", { name: env.name }).click();
  await expect(page).toHaveTitle(`infra-env ${env.name} · Archway`);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clusters" }).click();
  await expect(page).toHaveTitle("Clusters · Archway");
});

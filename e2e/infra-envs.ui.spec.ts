// The Infra-env pages: architecture follows the bound cluster, a server-only rule (the cluster must
// still exist) shows under its field, and the detail page is read-only.
import { expect, test } from "@playwright/test";
import { createClusterViaApi, deleteClusterViaApi, fact, uniqueName } from "./fixtures";

test("an infra-env added from an Arm64 cluster takes the cluster's architecture and version", async ({
  page,
  request,
}) => {
  const cluster = await createClusterViaApi(request, {
    name: uniqueName("arm"),
    openshift_version: "4.9",
    cpu_architecture: "arm64",
    control_plane_count: 1,
  });
  await page.goto(`/clusters/${cluster.id}`);
  await page.getByRole("link", { name: "Add infra-env" }).click();
  await expect(page).toHaveURL(new RegExp(`/infra-envs/new\\?cluster_id=${cluster.id}$`));

  await expect(page.getByLabel("Cluster")).toHaveValue(cluster.id);
  await expect(page.getByLabel("OpenShift version")).toBeDisabled();
  await expect(page.getByLabel("OpenShift version")).toHaveValue("4.9");
  const arch = page.getByRole("group", { name: "CPU architecture" });
  await expect(arch.getByRole("radio", { name: "Arm64 (aarch64)" })).toBeChecked();
  await expect(arch.getByRole("radio", { name: "x86_64", exact: true })).toBeDisabled();
  await expect(arch.getByRole("radio", { name: "x86_64", exact: true })).toHaveAccessibleDescription(
    "Must match the cluster's architecture",
  );
  await expect(arch.getByRole("radio", { name: "Multi-architecture" })).toHaveCount(0);

  const name = uniqueName("arm-iso");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("radio", { name: "Minimal ISO" }).check();
  await page.getByLabel("HTTP proxy").fill("http://proxy.lab:3128");
  await page.getByLabel("Additional kernel arguments").fill("console=ttyAMA0\nrd.debug");
  await page.getByRole("button", { name: "Create infra-env" }).click();

  await expect(page).toHaveURL(/\/infra-envs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(fact(page, "CPU architecture")).toContainText(
    "This infra-env's discovery ISO boots Arm64 (aarch64) hosts only",
  );
  await expect(fact(page, "Cluster")).toContainText(cluster.name);
  await expect(fact(page, "Image type")).toHaveText("Minimal ISO");
  await expect(fact(page, "Additional kernel arguments")).toContainText("console=ttyAMA0");
  await expect(fact(page, "Proxy")).toContainText("http://proxy.lab:3128");
  const iso = page.getByRole("region", { name: "Discovery ISO" });
  await expect(iso).toContainText("No ISO generated yet");
  await expect(iso.getByRole("button", { name: "Generate discovery ISO" })).toBeEnabled();
  await expect(page.getByRole("main").getByRole("radio")).toHaveCount(0);

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete infra-env" }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${cluster.id}$`));
});

test("a server-only rule: the cluster was deleted while the form was open, and the error shows under Cluster", async ({
  page,
  request,
}) => {
  const cluster = await createClusterViaApi(request, { name: uniqueName("vanishing"), openshift_version: "4.14" });
  await page.goto(`/infra-envs/new?cluster_id=${cluster.id}`);
  await expect(page.getByLabel("Cluster")).toHaveValue(cluster.id);
  await page.getByLabel("Name", { exact: true }).fill(uniqueName("orphan"));

  await deleteClusterViaApi(request, cluster.id);
  await page.getByRole("button", { name: "Create infra-env" }).click();

  const select = page.getByLabel("Cluster");
  await expect(select).toHaveAttribute("aria-invalid", "true");
  await expect(select).toHaveAccessibleDescription(new RegExp(`No cluster with id ${cluster.id}`));
  await expect(page).toHaveURL(/\/infra-envs\/new/);
  // Placed on its field, so no form-level alert (Next's route announcer is an alert outside <main>).
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
});

test("a standalone infra-env at 4.8 offers x86_64 only and lists as not bound", async ({ page }) => {
  await page.goto("/infra-envs/new");
  await expect(page.getByLabel("Cluster")).toHaveValue("");
  await page.getByLabel("OpenShift version").selectOption("4.8");
  const arch = page.getByRole("group", { name: "CPU architecture" });
  await expect(arch.getByRole("radio", { name: "Arm64 (aarch64)" })).toBeDisabled();
  await expect(arch.getByRole("radio", { name: "Arm64 (aarch64)" })).toHaveAccessibleDescription(
    "Arm64 (aarch64) needs OpenShift 4.9 or later",
  );
  await expect(arch.getByRole("radio", { name: "x86_64", exact: true })).toBeChecked();

  // Kernel arguments are checked line by line before anything is sent.
  const name = uniqueName("standalone");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Additional kernel arguments").fill("ip=dhcp\nquiet splash");
  await page.getByRole("button", { name: "Create infra-env" }).click();
  await expect(page.getByLabel("Additional kernel arguments")).toHaveAccessibleDescription(
    /Line 2: One kernel argument, without spaces or quotes/,
  );

  await page.getByLabel("Additional kernel arguments").fill("ip=dhcp");
  await page.getByRole("button", { name: "Create infra-env" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Infra-envs" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name }) });
  await expect(row).toContainText("Not bound (late binding)");
  await expect(row).toContainText("x86_64");
});

test("a multi-architecture cluster takes x86_64 or Arm64 infra-envs, never multi", async ({ page, request }) => {
  const cluster = await createClusterViaApi(request, {
    name: uniqueName("multi"),
    openshift_version: "4.14",
    cpu_architecture: "multi",
  });
  await page.goto(`/infra-envs/new?cluster_id=${cluster.id}`);
  const arch = page.getByRole("group", { name: "CPU architecture" });
  await expect(arch.getByRole("radio", { name: "x86_64", exact: true })).toBeChecked();
  await expect(arch.getByRole("radio", { name: "Arm64 (aarch64)" })).toBeEnabled();
  await expect(arch.getByRole("radio", { name: "IBM Z (s390x)" })).toHaveAccessibleDescription(
    "Must match the cluster's architecture",
  );
  await expect(arch.getByRole("radio")).toHaveCount(4);

  await arch.getByRole("radio", { name: "Arm64 (aarch64)" }).check();
  const name = uniqueName("multi-arm");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create infra-env" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(fact(page, "CPU architecture")).toContainText("Arm64 (aarch64)");
});

// The Clusters pages in a real browser against the real server: the New cluster dialog's
// architecture rules, creation, the read-only detail page, validation and deletion.
import { expect, test } from "@playwright/test";
import {
  createClusterViaApi,
  createInfraEnvViaApi,
  fact,
  getClusterViaApi,
  openNewClusterDialog,
  uniqueName,
} from "./fixtures";
import { ed25519Key } from "./ims-fixtures";

test("creates an Arm64 single-node cluster at 4.9 through the dialog", async ({ page, request }) => {
  const name = uniqueName("arm-sno");
  const dialog = await openNewClusterDialog(page);
  await expect(dialog.getByLabel("Cluster name")).toBeFocused();
  await dialog.getByLabel("Cluster name").fill(name);
  await dialog.getByLabel("Base domain").fill("lab.example.com");
  await dialog.getByLabel("OpenShift version").selectOption("4.9");

  const arch = dialog.getByRole("group", { name: "CPU architecture" });
  const arm = arch.getByRole("radio", { name: "Arm64 (aarch64)", exact: true });
  await expect(arm).toBeEnabled();
  await expect(arm).toHaveAccessibleDescription(/Developer preview/);
  await arm.check();

  // Arm64 at 4.9 is single-node only: the 3-node option says why and single-node is chosen for us.
  const controlPlane = dialog.getByRole("group", { name: "Control plane" });
  const threeNodes = controlPlane.getByRole("radio", { name: "3 nodes (highly available)" });
  await expect(threeNodes).toBeDisabled();
  await expect(threeNodes).toHaveAccessibleDescription(
    "Arm64 (aarch64) at OpenShift 4.9 installs single-node clusters only",
  );
  await expect(controlPlane.getByRole("radio", { name: "Single-node OpenShift" })).toBeChecked();

  // ODF never runs on Arm64; the operators table says so before the server has to.
  const odf = dialog
    .getByRole("group", { name: "Operators" })
    .getByRole("checkbox", { name: "OpenShift Data Foundation" });
  await expect(odf).toBeDisabled();
  await expect(odf).toHaveAccessibleDescription(/not compatible with the arm64 architecture on version 4\.9/);

  await dialog.getByRole("button", { name: "Create cluster" }).click();
  await expect(page).toHaveURL(/\/clusters\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  const id = page.url().split("/").pop()!;
  const stored = await getClusterViaApi(request, id);
  expect(stored).toMatchObject({ name, cpu_architecture: "arm64", openshift_version: "4.9", control_plane_count: 1 });

  await expect(fact(page, "CPU architecture")).toContainText("Arm64 (aarch64)");
  await expect(fact(page, "CPU architecture")).toContainText("Set at creation; cannot be changed");
  await expect(fact(page, "Control plane")).toContainText("Single-node");
  await expect(fact(page, "OpenShift version")).toContainText("4.9");
  await expect(fact(page, "Release image")).toContainText("4.9.59-aarch64");
});

test("at 4.8 Arm64 is disabled with its reason, and a chosen Arm64 falls back to x86_64", async ({ page }) => {
  const dialog = await openNewClusterDialog(page);
  const arch = dialog.getByRole("group", { name: "CPU architecture" });
  const x86 = arch.getByRole("radio", { name: "x86_64", exact: true });
  const arm = arch.getByRole("radio", { name: "Arm64 (aarch64)", exact: true });

  await dialog.getByLabel("OpenShift version").selectOption("4.14");
  await arm.check();
  await expect(arch.getByRole("radio", { name: "IBM Power (ppc64le)" })).toHaveAccessibleDescription(
    "No OS image or release image for IBM Power (ppc64le) at 4.14 in the image table",
  );

  await dialog.getByLabel("OpenShift version").selectOption("4.8");
  await expect(arm).toBeDisabled();
  await expect(x86).toBeChecked();
  await expect(arch.getByText("Arm64 (aarch64) needs OpenShift 4.9 or later")).toBeVisible();
  await expect(arm).toHaveAccessibleDescription("Arm64 (aarch64) needs OpenShift 4.9 or later");
  await expect(arch.getByRole("radio", { name: "Multi-architecture" })).toHaveAccessibleDescription(
    "Multi-architecture needs OpenShift 4.11 or later",
  );
  for (const name of ["IBM Power (ppc64le)", "IBM Z (s390x)", "Multi-architecture"])
    await expect(arch.getByRole("radio", { name })).toBeDisabled();
  await expect(x86).toBeEnabled();

  // OCS exists up to 4.8 and brings the Local Storage Operator; at 4.9 it is gone (use ODF) and unchecked.
  const operators = dialog.getByRole("group", { name: "Operators" });
  const ocs = operators.getByRole("checkbox", { name: "OpenShift Container Storage" });
  await ocs.check();
  await expect(ocs).toHaveAccessibleDescription(/also installs Local Storage Operator/);
  await dialog.getByLabel("OpenShift version").selectOption("4.9");
  await expect(ocs).toBeDisabled();
  await expect(ocs).not.toBeChecked();
  await expect(ocs).toHaveAccessibleDescription(/use odf instead/);
});

test("the architecture, version and topology have no editable control on the cluster page or in Edit", async ({
  page,
  request,
}) => {
  const cluster = await createClusterViaApi(request, {
    name: uniqueName("ro"),
    openshift_version: "4.14",
    cpu_architecture: "arm64",
    control_plane_count: 3,
  });
  await page.goto(`/clusters/${cluster.id}`);
  await expect(page.getByRole("heading", { level: 1, name: cluster.name })).toBeVisible();
  await expect(fact(page, "CPU architecture")).toContainText("Arm64 (aarch64)");
  await expect(fact(page, "Control plane")).toContainText("3 control plane nodes");
  const main = page.getByRole("main");
  for (const role of ["radio", "combobox", "textbox", "checkbox", "spinbutton"] as const)
    await expect(main.getByRole(role)).toHaveCount(0);

  // The edit dialog changes only what may change.
  await page.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: "Edit cluster" });
  await expect(edit.getByLabel("Cluster name")).toBeVisible();
  await expect(edit.getByRole("radio")).toHaveCount(0);
  await expect(edit.getByRole("combobox")).toHaveCount(0);
  await expect(edit.getByLabel(/architecture|version|control plane/i)).toHaveCount(0);
  await edit.getByLabel("Base domain").fill("edge.example.org");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toHaveCount(0);
  await expect(fact(page, "Base domain")).toHaveText("edge.example.org");
  await expect(fact(page, "CPU architecture")).toContainText("Arm64 (aarch64)");
});

test("client-side validation errors appear inline and nothing is sent", async ({ page }) => {
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/clusters")) posts.push(r.url());
  });
  const dialog = await openNewClusterDialog(page);
  await dialog.getByLabel("Cluster name").fill("Bad_Name");
  await dialog.getByLabel("SSH public key").fill("ssh-rsa not-base64!");
  await dialog.getByRole("button", { name: "Create cluster" }).click();

  const name = dialog.getByLabel("Cluster name");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(/Use lowercase letters, digits and '-'/);
  await expect(name).toBeFocused();
  await expect(dialog.getByLabel("SSH public key")).toHaveAccessibleDescription(/not valid base64/);
  expect(posts).toEqual([]);

  // Fixing a field clears its error.
  await name.fill("good-name");
  await expect(name).not.toHaveAttribute("aria-invalid", "true");
});

test("the dialog keeps focus inside; Escape closes it and gives focus back to the opener", async ({ page }) => {
  const dialog = await openNewClusterDialog(page);
  await dialog.getByRole("button", { name: "Create cluster" }).focus();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("button", { name: "Create cluster" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New cluster" }).first()).toBeFocused();
});

test("deleting a cluster asks first, then returns to the list", async ({ page, request }) => {
  const cluster = await createClusterViaApi(request, { name: uniqueName("doomed"), openshift_version: "4.14" });
  await page.goto(`/clusters/${cluster.id}`);
  const deleteButton = page.getByRole("button", { name: "Delete" });
  await deleteButton.click();
  const confirm = page.getByRole("dialog", { name: `Delete cluster ${cluster.name}?` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(deleteButton).toBeFocused();

  await deleteButton.click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete cluster" }).click();
  await expect(page).toHaveURL(/\/clusters$/);
  await expect(page.getByRole("link", { name: cluster.name })).toHaveCount(0);
});

test("an unknown cluster id shows a clear not-found state", async ({ page }) => {
  await page.goto("/clusters/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { level: 1, name: "Cluster not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to clusters" })).toBeVisible();
});

test("the list shows each cluster's architecture and topology", async ({ page, request }) => {
  const cluster = await createClusterViaApi(request, {
    name: uniqueName("listed"),
    openshift_version: "4.14",
    cpu_architecture: "multi",
  });
  await page.goto("/clusters");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: cluster.name }) });
  await expect(row).toContainText("Multi-architecture");
  await expect(row).toContainText("3 control plane nodes");
  await row.getByRole("link", { name: cluster.name }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${cluster.id}$`));
});

test("changing the version says what it reset and why", async ({ page }) => {
  const dialog = await openNewClusterDialog(page);
  const version = dialog.getByLabel("OpenShift version");
  const arch = dialog.getByRole("group", { name: "CPU architecture" });
  const controlPlane = dialog.getByRole("group", { name: "Control plane" });
  const notice = dialog.getByRole("status").filter({ hasText: "Changed to fit this version" });

  await version.selectOption("4.14");
  await arch.getByRole("radio", { name: "Arm64 (aarch64)", exact: true }).check();
  await expect(notice).toHaveCount(0);

  await version.selectOption("4.9");
  await expect(controlPlane.getByRole("radio", { name: "Single-node OpenShift" })).toBeChecked();
  await expect(notice).toContainText(
    "Arm64 (aarch64) at OpenShift 4.9 installs single-node clusters only: the control plane was set to single-node.",
  );

  await version.selectOption("4.8");
  await expect(arch.getByRole("radio", { name: "x86_64", exact: true })).toBeChecked();
  await expect(notice).toContainText(
    "Arm64 (aarch64) needs OpenShift 4.9 or later: the architecture was reset from Arm64 (aarch64) to x86_64.",
  );
  await expect(notice).toContainText("the control plane was set back to 3 nodes");

  // A version change that resets nothing clears the note.
  await version.selectOption("4.14");
  await expect(notice).toHaveCount(0);
});

test("each invalid field shows one message, and the Create button stays in view", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 640 });
  const dialog = await openNewClusterDialog(page);
  const create = dialog.getByRole("button", { name: "Create cluster" });
  // The form is taller than the window; the footer sticks to the bottom of the view.
  expect(await dialog.evaluate((d) => d.scrollHeight)).toBeGreaterThan(640);
  await expect(create).toBeInViewport({ ratio: 1 });

  await dialog.getByLabel("Base domain").fill("not a domain");
  await create.click();
  for (const label of ["Cluster name", "Base domain"]) {
    const field = dialog.getByLabel(label);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    const errorId = (await field.getAttribute("aria-describedby"))!.split(" ")[0];
    await expect(dialog.locator(`[id="${errorId}"] > p`)).toHaveCount(1);
  }
  await expect(dialog.getByText("Required", { exact: true })).toHaveCount(1);
  await expect(dialog.getByText(/Use lowercase letters/)).toHaveCount(0);
  await expect(create).toBeInViewport({ ratio: 1 });
});

test("a missing pull secret is a warning that says what it blocks, and creation goes ahead", async ({
  page,
  request,
}) => {
  const dialog = await openNewClusterDialog(page);
  const warning = dialog.getByRole("status").filter({ hasText: "No pull secret" });
  await expect(warning).toContainText("Installing OpenShift needs it");
  await dialog.getByLabel("Pull secret").fill('{"auths": {}}');
  await expect(warning).toHaveCount(0);
  await dialog.getByLabel("Pull secret").fill("");
  await expect(warning).toBeVisible();

  const name = uniqueName("no-secret");
  await dialog.getByLabel("Cluster name").fill(name);
  await dialog.getByRole("button", { name: "Create cluster" }).click();
  await expect(page).toHaveURL(/\/clusters\/[0-9a-f-]{36}$/);
  const stored = await getClusterViaApi(request, page.url().split("/").pop()!);
  expect(stored).toMatchObject({ name, pull_secret_set: false });
});

test("events read as sentences, in the page and in the API", async ({ page, request }) => {
  const name = uniqueName("arm-lab");
  const cluster = await createClusterViaApi(request, { name, openshift_version: "4.14", cpu_architecture: "arm64" });
  const envName = uniqueName("lab-env");
  const env = await createInfraEnvViaApi(request, { name: envName, cluster_id: cluster.id, cpu_architecture: "arm64" });
  const patched = await request.patch(`/api/assisted-install/v2/infra-envs/${env.id}`, {
    data: { image_type: "minimal-iso", ssh_authorized_key: ed25519Key("me@host").line },
  });
  expect(patched.ok(), await patched.text()).toBe(true);
  const renamed = await request.patch(`/api/assisted-install/v2/clusters/${cluster.id}`, {
    data: { base_dns_domain: "lab.example.com" },
  });
  expect(renamed.ok(), await renamed.text()).toBe(true);

  const sentences = [
    `Base domain changed to lab.example.com on cluster ${name}.`,
    `Image type changed to Minimal ISO and SSH public key updated on infra-env ${envName}.`,
    `Infra-env ${envName} created: Arm64 (aarch64), OpenShift 4.14.`,
    `Cluster ${name} created: Arm64 (aarch64), OpenShift 4.14.38, 3 control plane nodes.`,
  ];
  const api = (await (await request.get(`/api/assisted-install/v2/events?cluster_id=${cluster.id}`)).json()) as {
    message: string;
  }[];
  expect(api.map((e) => e.message)).toEqual(sentences);

  await page.goto(`/clusters/${cluster.id}`);
  const events = page.getByRole("region", { name: "Recent events" }).getByRole("listitem");
  await expect(events).toHaveCount(4);
  for (const [i, s] of sentences.entries()) await expect(events.nth(i)).toContainText(s);
  // No API field names (image_type, openshift_version…) anywhere in the timeline.
  for (const text of await events.allTextContents()) expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
});

// Generate discovery ISO on an infra-env page: the architecture comes first, settings are saved
// before the link is issued, the download matches the size and sha256 shown, and Revoke all links
// kills the link. The server builds its sample ISOs at start, so the first link may take a while.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { createInfraEnvViaApi, fact, uniqueName } from "./fixtures";

const sha256Of = (file: string) =>
  new Promise<string>((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (c) => hash.update(c))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });

async function openGenerateDialog(page: Page, id: string) {
  await page.goto(`/infra-envs/${id}`);
  await page
    .getByRole("region", { name: "Discovery ISO" })
    .getByRole("button", { name: "Generate discovery ISO" })
    .click();
  return page.getByRole("dialog", { name: "Generate discovery ISO" });
}

test("an Arm64 ISO: settings saved, link copied as wget, download checked against size and sha256, links revoked", async ({
  page,
  context,
  request,
}, testInfo) => {
  test.setTimeout(150_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const name = uniqueName("arm-iso");
  const infraEnv = await createInfraEnvViaApi(request, {
    name,
    openshift_version: "4.14",
    cpu_architecture: "arm64",
    kernel_arguments: [{ operation: "append", value: "rd.debug" }],
  });

  const dialog = await openGenerateDialog(page, infraEnv.id);
  await expect(dialog).toContainText("This ISO boots Arm64 (aarch64) hosts only");
  await expect(dialog).toContainText("OpenShift 4.14");
  await expect(dialog.getByRole("radio", { name: "Full ISO" })).toBeChecked();
  await expect(dialog.getByLabel("Additional kernel arguments")).toHaveValue("rd.debug");
  await dialog.getByLabel("Additional kernel arguments").fill("rd.debug\nconsole=ttyAMA0");
  await dialog.getByRole("button", { name: "Generate", exact: true }).click();

  // Waits through "Preparing the Arm64 (aarch64) base ISO…" while the server still builds it.
  const urlField = dialog.getByLabel("Download URL", { exact: true });
  await expect(urlField).toHaveValue(/\/iso\/[^/]+\/4\.14\/arm64\/full\.iso$/, { timeout: 90_000 });
  const url = await urlField.inputValue();
  await expect(dialog.getByText(/^Expires in [34] h \d+ min — at /)).toBeVisible();
  await expect(dialog.getByRole("note")).toContainText(
    "This ISO contains credentials (agent token, pull secret). Do not share it or its link.",
  );
  await expect(dialog.getByRole("link", { name: "View Ignition config" })).toHaveAttribute(
    "href",
    `/api/assisted-install/v2/infra-envs/${infraEnv.id}/downloads/files?file_name=discovery.ign`,
  );

  await dialog.getByRole("button", { name: "Copy wget command" }).click();
  await expect(dialog.getByRole("button", { name: "Copy wget command" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `wget -O discovery_image_${name}.iso '${url}'`,
  );
  await expect(dialog.getByLabel("curl command", { exact: true })).toHaveValue(
    `curl -L -o discovery_image_${name}.iso '${url}'`,
  );

  const sizeTitle = await fact(dialog, "Size").locator("[title]").getAttribute("title");
  const size = Number(sizeTitle?.replace(/[^\d]/g, ""));
  await expect(fact(dialog, "Size")).toHaveText(/^\d+\.\d MiB$/);
  // The server hashes a new ISO in the background; the dialog fills the digest in when it is ready.
  const shaField = dialog.getByLabel("sha256", { exact: true });
  await expect(shaField).toHaveValue(/^[0-9a-f]{64}$/, { timeout: 30_000 });
  const sha256 = await shaField.inputValue();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("link", { name: "Download" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`discovery_image_${name}.iso`);
  const file = testInfo.outputPath("discovery.iso");
  await download.saveAs(file);
  expect((await stat(file)).size).toBe(size);
  expect(await sha256Of(file)).toBe(sha256);

  // The settings were saved on the infra-env, and the page shows the ISO just generated.
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(fact(page, "Additional kernel arguments")).toContainText("console=ttyAMA0");
  const iso = page.getByRole("region", { name: "Discovery ISO" });
  await expect(fact(iso, "sha256")).toContainText(sha256);
  await expect(iso).toContainText("A download link is ready");

  await iso.getByRole("button", { name: "Revoke all links" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke all download links?" });
  await expect(confirm).toContainText("Every discovery ISO link issued so far stops working");
  await confirm.getByRole("button", { name: "Revoke all links" }).click();
  await expect(confirm).toBeHidden();
  await expect(iso.getByRole("status")).toContainText("All download links issued so far were revoked");
  await expect(iso).not.toContainText("A download link is ready");
  expect((await request.get(url)).status()).toBe(404);
});

test("settings are checked before anything is sent, then saved with the ISO", async ({ page, request }) => {
  test.setTimeout(120_000);
  const infraEnv = await createInfraEnvViaApi(request, {
    name: uniqueName("x86-iso"),
    openshift_version: "4.14",
    cpu_architecture: "x86_64",
  });
  let calls = 0;
  page.on("request", (r) => r.url().includes("/downloads/image-url") && calls++);
  const dialog = await openGenerateDialog(page, infraEnv.id);
  await expect(dialog).toContainText("This ISO boots x86_64 hosts only");
  const before = calls;

  // Settings are checked before anything is sent, errors under their fields.
  await dialog.getByLabel("HTTP proxy").fill("ftp://proxy.lab");
  await dialog.getByLabel("Additional kernel arguments").fill("quiet splash");
  await dialog.getByRole("button", { name: "Generate", exact: true }).click();
  await expect(dialog.getByLabel("HTTP proxy")).toHaveAccessibleDescription(
    /Expected an http:\/\/ or https:\/\/ proxy URL/,
  );
  await expect(dialog.getByLabel("Additional kernel arguments")).toHaveAccessibleDescription(
    /Line 1: One kernel argument, without spaces or quotes/,
  );
  expect(calls).toBe(before);

  await dialog.getByLabel("HTTP proxy").fill("http://proxy.lab:3128");
  await dialog.getByLabel("Additional kernel arguments").fill("");
  await dialog.getByRole("button", { name: "Generate", exact: true }).click();
  await expect(dialog.getByLabel("Download URL", { exact: true })).toHaveValue(/\/4\.14\/x86_64\/full\.iso$/, {
    timeout: 90_000,
  });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(fact(page, "Proxy")).toContainText("http://proxy.lab:3128");
});

// The IMS pages: a recipe created and its archive uploaded in one step (and a malicious archive
// refused with nothing left behind), architecture corrections on recipes and images, an imported
// image's labels and artifacts, refused deletes, and public keys.
import { expect, type Page, test } from "@playwright/test";
import { fact, uniqueName } from "./fixtures";
import {
  createImageViaApi,
  createRecipeViaApi,
  ed25519Key,
  IMS,
  importImageViaApi,
  kiwiArchive,
  startCreateJobViaApi,
  traversalArchive,
  uploadArchiveViaApi,
} from "./ims-fixtures";

async function openNewRecipeDialog(page: Page) {
  await page.goto("/recipes");
  await page.getByRole("button", { name: "New recipe" }).first().click();
  return page.getByRole("dialog", { name: "New recipe" });
}

test("a recipe is created and its archive uploaded in one step, then listed as Arm64 and found by the architecture filter", async ({
  page,
  request,
}) => {
  const name = uniqueName("arm-recipe");
  const dialog = await openNewRecipeDialog(page);
  await expect(dialog.getByLabel("Name", { exact: true })).toBeFocused();
  await expect(dialog.getByLabel("Architecture")).toHaveValue("x86_64");
  await expect(dialog.getByRole("radio", { name: "kiwi-ng" })).toBeChecked();

  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByLabel("Linux distribution").fill("sles15");
  await dialog.getByLabel("Architecture").selectOption({ label: "Arm64 (aarch64)" });
  await dialog.getByRole("button", { name: "Add variable" }).click();
  await expect(dialog.getByLabel("Variable 1 key")).toBeFocused();
  await dialog.getByLabel("Variable 1 key").fill("RELEASE");
  await dialog.getByLabel("Variable 1 value").fill("15.5");
  await dialog.getByLabel("Recipe archive", { exact: true }).setInputFiles({
    name: "recipe.tar.gz",
    mimeType: "application/gzip",
    buffer: await kiwiArchive({ templated: true }),
  });
  await dialog.getByRole("button", { name: "Create recipe" }).click();

  await expect(page).toHaveURL(/\/recipes\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(fact(page, "CPU architecture")).toContainText("Arm64 (aarch64)");
  await expect(fact(page, "Template variables")).toContainText("RELEASE");
  await expect(fact(page, "Archive").getByRole("link", { name: `Download the archive of ${name}` })).toHaveAttribute(
    "href",
    /\/apis\/ims\/v3\/recipes\/[0-9a-f-]{36}\/archive$/,
  );
  // The upload's warning (OWNER is used by the template but not in the dictionary) is shown once.
  await expect(page.getByRole("region", { name: "Archive upload" })).toContainText(
    'template variable "OWNER" is not in the recipe\'s template_dictionary',
  );

  await page.goto("/recipes");
  const table = page.getByRole("table", { name: "Recipes" });
  const row = table.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Arm64 (aarch64)");
  await expect(row).toContainText("Uploaded");
  await expect(row).toContainText("sles15");

  const filters = page.getByRole("search", { name: "Filter recipes" });
  await filters.getByLabel("Architecture").selectOption("x86_64");
  await expect(row).toHaveCount(0);
  await filters.getByLabel("Architecture").selectOption("aarch64");
  await expect(row).toHaveCount(1);
  for (const cell of await table
    .getByRole("row")
    .filter({ has: page.getByRole("link") })
    .all())
    await expect(cell).toContainText("Arm64 (aarch64)");
  await filters.getByLabel("Name").fill(name);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("navigation", { name: "Recipe pages" })).toContainText("1–1 of 1");

  const listed = await (await request.get(`${IMS}/recipes?name=${name}&arch=aarch64`)).json();
  expect(listed).toHaveLength(1);
  expect(listed[0].link.path).toMatch(/^\/apis\/ims\/v3\/artifacts\//);
});

test("a malicious archive is refused with the server's reason under the file field, and no recipe remains", async ({
  page,
  request,
}) => {
  const name = uniqueName("evil");
  const dialog = await openNewRecipeDialog(page);
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByLabel("Linux distribution").fill("sles15");
  await dialog.getByLabel("Architecture").selectOption("aarch64");
  await dialog
    .getByLabel("Recipe archive", { exact: true })
    .setInputFiles({ name: "evil.tar.gz", mimeType: "application/gzip", buffer: traversalArchive() });
  await dialog.getByRole("button", { name: "Create recipe" }).click();

  const file = dialog.getByLabel("Recipe archive", { exact: true });
  await expect(file).toHaveAttribute("aria-invalid", "true");
  await expect(file).toHaveAccessibleDescription(/Recipe archive entry "\.\.\/etc\/passwd"/);
  await expect(file).toHaveAccessibleDescription(/Nothing was kept/);
  await expect(page).toHaveURL(/\/recipes$/);

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("search", { name: "Filter recipes" }).getByLabel("Name").fill(name);
  await expect(page.getByRole("heading", { name: "No recipes match these filters" })).toBeVisible();
  expect(await (await request.get(`${IMS}/recipes?name=${name}`)).json()).toEqual([]);
});

test("the New recipe form checks its fields with the API's schema before sending anything", async ({ page }) => {
  const dialog = await openNewRecipeDialog(page);
  await dialog.getByLabel("Linux distribution").fill("SLES 15");
  await dialog.getByRole("button", { name: "Add variable" }).click();
  await dialog.getByLabel("Variable 1 key").fill("9lives");
  await dialog.getByRole("button", { name: "Create recipe" }).click();
  await expect(dialog.getByLabel("Name", { exact: true })).toHaveAccessibleDescription("Required");
  await expect(dialog.getByLabel("Linux distribution")).toHaveAccessibleDescription(
    /^Lowercase, such as sles15 or debian12/,
  );
  await expect(dialog.getByLabel("Variable 1 key")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Recipe archive", { exact: true })).toHaveAccessibleDescription(
    /^Choose the recipe archive \(\.tar\.gz\)/,
  );
  await expect(dialog.getByLabel("Name", { exact: true })).toBeFocused();
});

test("a recipe created through the API gets its architecture corrected, and its archive uploaded from its page", async ({
  page,
  request,
}) => {
  const recipe = await createRecipeViaApi(request, {
    name: uniqueName("cli-recipe"),
    recipe_type: "kiwi-ng",
    linux_distribution: "sles15",
    arch: "x86_64",
  });
  await page.goto(`/recipes/${recipe.id}`);
  await expect(fact(page, "Archive")).toContainText("No archive uploaded");

  await page.getByRole("button", { name: "Change architecture" }).click();
  const dialog = page.getByRole("dialog", { name: "Change architecture" });
  await expect(dialog.getByRole("button", { name: "Change architecture" })).toBeDisabled();
  await dialog.getByLabel("Architecture").selectOption("aarch64");
  await expect(dialog).toContainText(
    "Jobs started from this recipe after this change will build aarch64 images (Arm64), natively on aarch64 hosts or under QEMU emulation elsewhere. Existing images keep their architecture.",
  );
  await dialog.getByRole("button", { name: "Change recipe to Arm64 (aarch64)" }).click();
  await expect(dialog).toBeHidden();
  await expect(fact(page, "CPU architecture")).toContainText("Arm64 (aarch64)");
  expect((await (await request.get(`${IMS}/recipes/${recipe.id}`)).json()).arch).toBe("aarch64");

  await fact(page, "Archive").getByRole("button", { name: "Upload archive" }).click();
  const upload = page.getByRole("dialog", { name: "Upload archive" });
  await upload
    .getByLabel("Recipe archive", { exact: true })
    .setInputFiles({ name: "recipe.tar.gz", mimeType: "application/gzip", buffer: await kiwiArchive() });
  await upload.getByRole("button", { name: "Upload archive" }).click();
  await expect(upload).toBeHidden();
  await expect(fact(page, "Archive").getByRole("link", { name: /Download/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Archive upload" })).toContainText(
    /Archive uploaded and checked \(\d+ entr(y|ies)\)/,
  );
});

test("deleting a recipe a job builds from is refused, and the dialog lists the job", async ({ page, request }) => {
  const recipe = await createRecipeViaApi(request, {
    name: uniqueName("busy"),
    recipe_type: "kiwi-ng",
    linux_distribution: "sles15",
    arch: "aarch64",
  });
  await uploadArchiveViaApi(request, recipe.id, await kiwiArchive());
  const job = await startCreateJobViaApi(request, recipe.id);
  await page.goto(`/recipes/${recipe.id}`);
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete recipe ${recipe.name}?` });
  await dialog.getByRole("button", { name: "Delete recipe" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Jobs still reference it");
  await expect(dialog.getByRole("list", { name: "Referencing jobs" })).toContainText(job.id);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: recipe.name })).toBeVisible();
});

test("an image's architecture is corrected after a confirmation that says what changes", async ({ page, request }) => {
  const image = await createImageViaApi(request, { name: uniqueName("img"), arch: "x86_64" });
  await page.goto(`/images/${image.id}`);
  await expect(fact(page, "CPU architecture")).toContainText("x86_64");

  await page.getByRole("button", { name: "Change architecture" }).click();
  const dialog = page.getByRole("dialog", { name: "Change architecture" });
  await expect(dialog.getByLabel("Architecture")).toBeFocused();
  await dialog.getByLabel("Architecture").selectOption("aarch64");
  await expect(dialog).toContainText(
    "Customize jobs started from this image after this change will run as aarch64 (Arm64), natively on aarch64 hosts or under QEMU emulation elsewhere",
  );
  await dialog.getByRole("button", { name: "Change image to Arm64 (aarch64)" }).click();
  await expect(dialog).toBeHidden();
  await expect(fact(page, "CPU architecture")).toContainText("Arm64 (aarch64)");
  await expect(page.getByRole("heading", { level: 1, name: image.name })).toBeVisible();
  expect((await (await request.get(`${IMS}/images/${image.id}`)).json()).arch).toBe("aarch64");

  await page.goto("/images");
  await expect(
    page.getByRole("table", { name: "Images" }).getByRole("row").filter({ hasText: image.name }),
  ).toContainText("Arm64 (aarch64)");
});

test("an imported image lists its manifest's artifacts with sizes and checksums, and its labels can be added and removed", async ({
  page,
  request,
}) => {
  const rootfs = Buffer.alloc(3 * 1024 * 1024 + 5, 7);
  const { image, artifacts } = await importImageViaApi(
    request,
    { name: uniqueName("compute"), arch: "aarch64", metadata: { release: "1.0" } },
    { rootfs, kernel: Buffer.from("kernel"), initrd: Buffer.from("initrd") },
  );

  await page.goto("/images");
  const row = page.getByRole("table", { name: "Images" }).getByRole("row").filter({ hasText: image.name });
  await expect(row).toContainText("3 artifacts");
  await expect(row.getByRole("list", { name: "Labels" })).toContainText("release=1.0");
  await row.getByRole("link", { name: image.name }).click();

  const table = page.getByRole("table", { name: "Artifacts" });
  const rootfsRow = table.getByRole("row").filter({ hasText: "Root filesystem (squashfs)" });
  await expect(rootfsRow).toContainText("3.0 MiB");
  await expect(rootfsRow).toContainText("3,145,733 bytes");
  await expect(rootfsRow).toContainText(artifacts.rootfs!.md5);
  await expect(rootfsRow).toContainText(artifacts.rootfs!.sha256);
  await expect(rootfsRow.getByRole("button", { name: "Copy sha256 of the Root filesystem (squashfs)" })).toBeVisible();
  await expect(rootfsRow.getByRole("link", { name: "Download Root filesystem (squashfs)" })).toHaveAttribute(
    "href",
    artifacts.rootfs!.link.path,
  );
  await expect(table.getByRole("row").filter({ hasText: "Kernel" })).toContainText("6 bytes");
  await expect(table.getByRole("row")).toHaveCount(4);

  const labels = page.getByRole("region", { name: "Labels" });
  await labels.getByLabel("Key").fill("bad key");
  await labels.getByRole("button", { name: "Add label" }).click();
  await expect(labels.getByLabel("Key")).toHaveAccessibleDescription("Letters, digits, '_', '.', '/', '-'");
  await labels.getByLabel("Key").fill("site");
  await labels.getByLabel("Value").fill("lab-2");
  await labels.getByRole("button", { name: "Add label" }).click();
  await expect(labels.getByRole("list", { name: "Labels" })).toContainText("site = lab-2");
  await labels.getByRole("button", { name: "Remove label release" }).click();
  await expect(labels.getByRole("list", { name: "Labels" })).not.toContainText("release");
  expect((await (await request.get(`${IMS}/images/${image.id}`)).json()).metadata).toEqual({ site: "lab-2" });
});

test("a public key is added (its fingerprint shown) and deleted after a confirmation", async ({ page, request }) => {
  const name = uniqueName("alice");
  const key = ed25519Key("alice@laptop");
  await page.goto("/public-keys");
  const form = page.getByRole("region", { name: "Add a public key" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Public key").fill("ssh-ed25519 not-base64!");
  await form.getByRole("button", { name: "Add public key" }).click();
  await expect(form.getByLabel("Public key")).toHaveAccessibleDescription(/^The key data is not valid base64/);

  await form.getByLabel("Public key").fill(key.line);
  await form.getByRole("button", { name: "Add public key" }).click();
  const row = page.getByRole("table", { name: "Public keys" }).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("ssh-ed25519");
  await expect(row).toContainText(key.fingerprint);
  await expect(row).toContainText("alice@laptop");
  await expect(form.getByLabel("Public key")).toHaveValue("");

  await row.getByRole("button", { name: `Delete public key ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Delete public key ${name}?` });
  await dialog.getByRole("button", { name: "Delete public key" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(0);
  const left = (await (await request.get(`${IMS}/public-keys?name=${name}`)).json()) as unknown[];
  expect(left).toEqual([]);
});

// The browser asks with gzip: the artifact JSON once came gzipped with its uncompressed length, and
// the page waited ~6 s for the connection to time out.
test("an image's page shows its artifacts within 2 s of a reload (the browser asks with gzip)", async ({
  page,
  request,
}) => {
  const { image } = await importImageViaApi(
    request,
    { name: uniqueName("quick"), arch: "x86_64" },
    { rootfs: Buffer.alloc(64 * 1024, 1), kernel: Buffer.from("kernel"), initrd: Buffer.from("initrd") },
  );
  const rows = page.getByRole("table", { name: "Artifacts" }).getByRole("row");
  // The first visit of the page warms the server's route; the second is what an operator waits for.
  await page.goto(`/images/${image.id}`);
  await expect(rows).toHaveCount(4);
  const started = Date.now();
  await page.reload();
  await expect(rows).toHaveCount(4, { timeout: 2000 });
  expect(Date.now() - started).toBeLessThan(2000);
});

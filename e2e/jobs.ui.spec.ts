// Image jobs in the browser: a customize job on the aarch64 sample image streams its log live (lines
// appear while it runs, under emulation), ends with a link to the new image; the start-job dialog
// starts one and lands on its page; a long job is cancelled from its page.
import { expect, type Page, test } from "@playwright/test";
import { uniqueName } from "./fixtures";
import {
  createPublicKeyViaApi,
  ed25519Key,
  IMS,
  type SampleJob as Job,
  sampleImage,
  startCustomize,
} from "./ims-fixtures";

const status = (page: Page) => page.getByRole("status", { name: "Job status" });

test("a customize job's log streams while it runs under emulation, then links to the new image", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const image = await sampleImage(request, "aarch64");
  // Busybox's sleep takes whole seconds: a pause every 5 ticks makes 40 ticks last 8 s.
  const script =
    'echo "inside: $(uname -m)"\nfor i in $(seq 1 40); do echo "tick $i"; [ $((i % 5)) -eq 0 ] && sleep 1; done\necho "to stderr" >&2\n';
  const job = await startCustomize(request, image, script);
  expect(job).toMatchObject({ arch: "aarch64", emulated: true });

  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Customize job ${job.id.slice(0, 8)}` })).toBeVisible();
  await expect(
    page.getByRole("note").filter({ hasText: "Runs under QEMU emulation, expect about 10x slower" }),
  ).toBeVisible();
  await expect(page.getByText(/Arm64 \(aarch64\) — inherited from the image/)).toContainText(image.name);

  const log = page.getByRole("log", { name: "Job log" });
  // Live: tick 3 is on screen while the job is still running (40 ticks take 8 s more).
  await expect(log).toContainText("tick 3", { timeout: 90_000 });
  await expect(status(page)).not.toHaveText("Success");
  await expect(log).not.toContainText("tick 40");
  await expect(page.getByRole("list", { name: "Steps" }).locator('[aria-current="step"]')).toContainText(
    "Building image",
  );
  await expect(log).toContainText("inside: aarch64");
  // The worker that claimed it (the embedded one of this one-process console) and how it runs it.
  await expect(page.getByTestId("job-worker")).toContainText(/^worker-\w+ on .+ — emulated \(aarch64 under QEMU/);

  await expect(status(page)).toHaveText("Success", { timeout: 120_000 });
  await expect(log).toContainText("tick 40");
  await expect(log.locator('[data-stream="stderr"]').filter({ hasText: "to stderr" })).toBeVisible();
  const outcome = page.getByRole("status").filter({ hasText: "The job succeeded" });
  const done = (await (await request.get(`${IMS}/jobs/${job.id}`)).json()) as Job;
  await expect(outcome.getByRole("link", { name: "Open the new image" })).toHaveAttribute(
    "href",
    `/images/${done.resultant_image_id}`,
  );
  await expect(outcome).toContainText("Arm64 (aarch64)");

  // Search filters and marks; the download is the log as text.
  await page.getByRole("searchbox", { name: "Search the log" }).fill("tick 1");
  await expect(log.locator("mark").first()).toHaveText("tick 1");
  await expect(log.locator("[data-stream]")).toHaveCount(11); // tick 1, 10-19
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download", exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${job.id}.log`);

  // The list shows it with its architecture and the emulated mark.
  await page.goto("/jobs?job_type=customize&arch=aarch64");
  const row = page
    .getByRole("table", { name: "Jobs" })
    .getByRole("row")
    .filter({ hasText: job.id.slice(0, 8) });
  await expect(row).toContainText("Success");
  await expect(row).toContainText("Emulated");
  await expect(row).toContainText(image.name);
});

test("the start-job dialog says the inherited arch, starts a customize job and opens it", async ({ page, request }) => {
  test.setTimeout(120_000);
  const image = await sampleImage(request, "aarch64");
  await page.goto(`/jobs/new?kind=customize&artifact_id=${image.id}`);
  const dialog = page.getByRole("dialog", { name: `Customize ${image.name}` });
  await expect(dialog.getByRole("note")).toContainText(
    `This job will run as Arm64 (aarch64) (inherited from the image ${image.name})`,
  );
  await expect(dialog.getByRole("note")).toContainText("QEMU user emulation");

  // Both fields are required: the form says so before anything is sent.
  await dialog.getByLabel("New image name").fill("");
  await dialog.getByRole("button", { name: "Start job" }).click();
  await expect(dialog.getByText("Required", { exact: true })).toBeVisible();
  await expect(dialog.getByText("A customize job needs the script to run inside the image")).toBeVisible();

  const name = uniqueName("e2e-dialog");
  await dialog.getByLabel("New image name").fill(name);
  await dialog.getByLabel("Upload script…").setInputFiles({
    name: "hello.sh",
    mimeType: "text/x-shellscript",
    buffer: Buffer.from('echo "hello from $(uname -m)"\n'),
  });
  await expect(dialog.getByLabel("Customization script")).toHaveValue('echo "hello from $(uname -m)"\n');
  await dialog.getByRole("button", { name: "Start job" }).click();

  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Customize job / })).toBeVisible();
  await expect(page.getByText(name).first()).toBeVisible();
  await expect(status(page)).toHaveText("Success", { timeout: 90_000 });
  await expect(page.getByRole("log", { name: "Job log" })).toContainText("hello from aarch64");
});

test("a long job is cancelled from its page", async ({ page, request }) => {
  test.setTimeout(120_000);
  const image = await sampleImage(request, "x86_64");
  const job = await startCustomize(request, image, 'echo "going to sleep"\nsleep 120\n');
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole("note").filter({ hasText: "Runs natively on x86_64" })).toBeVisible();
  await expect(page.getByRole("log", { name: "Job log" })).toContainText("going to sleep", { timeout: 60_000 });
  // Stored on the job when its sandbox was made (ARCHWAY_JOB_NETWORK is not set here).
  await expect(page.getByRole("note").filter({ hasText: "Runs natively on x86_64" })).toContainText(
    "Network: No network",
  );

  await page.getByRole("button", { name: "Cancel job" }).click();
  const confirm = page.getByRole("dialog", { name: "Cancel this job?" });
  await confirm.getByRole("button", { name: "Cancel job" }).click();
  await expect(status(page)).toHaveText("Cancelled", { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "The job was cancelled" })).toContainText(
    "Cancelled by the user",
  );
  await expect(page.getByRole("button", { name: "Cancel job" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
});

test("a long log renders only the rows in view, and search still finds any line", async ({ page, request }) => {
  test.setTimeout(120_000);
  const image = await sampleImage(request, "x86_64");
  const job = await startCustomize(request, image, 'i=1; while [ $i -le 6000 ]; do echo "line $i"; i=$((i+1)); done\n');
  await page.goto(`/jobs/${job.id}`);
  await expect(status(page)).toHaveText("Success", { timeout: 60_000 });
  const log = page.getByRole("log", { name: "Job log" });
  await expect(page.getByText(/^6,0\d\d lines/)).toBeVisible();
  // Following: the end is in view, the start is not rendered at all.
  await expect(log).toContainText("line 6000");
  expect(await log.locator("[data-stream]").count()).toBeLessThan(300);
  await expect(log.getByText("line 1", { exact: true })).toHaveCount(0);

  await log.evaluate((el) => (el.scrollTop = 0));
  await expect(log.getByText("line 1", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Follow", pressed: false })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search the log" }).fill("line 4321");
  await expect(log.locator("[data-stream]")).toHaveCount(1);
  await expect(log).toContainText("line 4321");
});

test("the customize dialog picks a public key; a successful job offers no Retry; tool output can be hidden", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const image = await sampleImage(request, "x86_64");
  const keyName = uniqueName("e2e-key");
  const key = await createPublicKeyViaApi(request, keyName, ed25519Key("ops@example.com").line);

  await page.goto(`/jobs/new?kind=customize&artifact_id=${image.id}`);
  const dialog = page.getByRole("dialog", { name: `Customize ${image.name}` });
  const picker = dialog.getByRole("combobox", { name: /^Public key/ });
  await expect(picker).toHaveValue("");
  await expect(
    picker.getByRole("option", { name: new RegExp(`^${keyName} \\(ssh-ed25519, ops@example.com\\)$`) }),
  ).toHaveCount(1);
  await picker.selectOption({ label: `${keyName} (ssh-ed25519, ops@example.com)` });
  await dialog.getByLabel("Customization script").fill('echo "script says hello"\n');
  await dialog.getByRole("button", { name: "Start job" }).click();

  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  const jobId = page.url().split("/").pop()!;
  const job = (await (await request.get(`${IMS}/jobs/${jobId}`)).json()) as { public_key_id?: string };
  expect(job.public_key_id).toBe(key.id);

  await expect(status(page)).toHaveText("Success", { timeout: 90_000 });
  // Nothing to retry once the image exists; Delete is still there.
  await expect(page.getByRole("button", { name: "Delete" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);

  // unsquashfs and mksquashfs print their tallies and statistics; hiding them leaves the script's lines.
  const log = page.getByRole("log", { name: "Job log" });
  await expect(log).toContainText("Parallel unsquashfs");
  await expect(log).toContainText("Number of inodes");
  await page.getByRole("checkbox", { name: /^Hide tool output \(\d+\)$/ }).check();
  await expect(log).not.toContainText("Parallel unsquashfs");
  await expect(log).not.toContainText("Number of inodes");
  await expect(log).not.toContainText("created 0 fifos");
  await expect(log).toContainText("script says hello");
  await expect(log).toContainText("Packing the new root");
  await page.getByRole("checkbox", { name: /^Hide tool output/ }).uncheck();
  await expect(log).toContainText("Parallel mksquashfs");
});

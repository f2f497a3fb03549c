// Hosts, end to end: the discovery ISO dialog says what comes next; a simulated discovery agent
// (HTTP from the test, with the token a booted host finds in the ISO's Ignition) registers and
// reports its inventory, and the infra-env page's hosts table follows live, without a reload;
// the drawer shows the inventory and the failed validation's sentence, and changes the role;
// the cluster page shows readiness as a checklist. Screenshots (for a person to look at) go to
// hosts-shots in the temporary directory: npm test's run directory, removed with it.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { createClusterViaApi, createInfraEnvViaApi, uniqueName } from "./fixtures";

const API = "/api/assisted-install/v2";
const SHOTS = path.join(tmpdir(), "hosts-shots");
const GiB = 1024 ** 3;

/** What a booted host does: read /etc/assisted/agent-token from the discovery Ignition. */
async function agentToken(request: APIRequestContext, infraEnvId: string): Promise<string> {
  const res = await request.get(`${API}/infra-envs/${infraEnvId}/downloads/files?file_name=discovery.ign`);
  expect(res.ok()).toBe(true);
  const ign = await res.json();
  const file = ign.storage.files.find((f: { path: string }) => f.path === "/etc/assisted/agent-token");
  return Buffer.from(file.contents.source.replace(/^data:;base64,/, ""), "base64").toString("utf8");
}

function inventory(hostname: string, arch: string, cores: number, memoryGiB: number) {
  return {
    hostname,
    cpu: { architecture: arch, count: cores, model_name: arch === "x86_64" ? "Intel Xeon (Icelake)" : "Neoverse-N1" },
    memory: { physical_bytes: memoryGiB * GiB },
    disks: [
      { name: "vda", path: "/dev/vda", drive_type: "HDD", size_bytes: 120e9, model: "QEMU HARDDISK" },
      { name: "sr0", path: "/dev/sr0", drive_type: "ODD", size_bytes: 1.1e9, is_installation_media: true },
    ],
    interfaces: [
      { name: "enp1s0", mac_address: "52:54:00:aa:bb:01", ipv4_addresses: ["192.168.122.21/24"], speed_mbps: 1000 },
      { name: "enp2s0", mac_address: "52:54:00:aa:bb:02", ipv4_addresses: [] },
    ],
    system_vendor: { manufacturer: "QEMU", product_name: "Standard PC (Q35 + ICH9, 2009)", virtual: true },
    boot: { current_boot_mode: "uefi" },
  };
}

class SimulatedAgent {
  readonly hostId = randomUUID();
  constructor(
    private request: APIRequestContext,
    private infraEnvId: string,
    private token: string,
  ) {}
  private get headers() {
    return { "X-Secret-Key": this.token };
  }
  async register() {
    const res = await this.request.post(`${API}/infra-envs/${this.infraEnvId}/hosts`, {
      headers: this.headers,
      data: { host_id: this.hostId, discovery_agent_version: "sim-agent/1" },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  async reportInventory(inv: object) {
    const steps = await this.request.get(`${API}/infra-envs/${this.infraEnvId}/hosts/${this.hostId}/instructions`, {
      headers: this.headers,
    });
    const { instructions } = await steps.json();
    expect(instructions[0].step_type).toBe("inventory");
    const res = await this.request.post(`${API}/infra-envs/${this.infraEnvId}/hosts/${this.hostId}/instructions`, {
      headers: this.headers,
      data: { step_type: "inventory", step_id: instructions[0].step_id, exit_code: 0, output: JSON.stringify(inv) },
    });
    expect(res.status(), await res.text()).toBe(204);
  }
}

const hostsPanel = (page: Page) => page.getByRole("region", { name: "Hosts" });
const rowOf = (page: Page, text: string) => hostsPanel(page).getByRole("row").filter({ hasText: text });

test("hosts booted from the ISO appear live, with their architecture, status, inventory and validations", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const cluster = await createClusterViaApi(request, { name: uniqueName("hosts"), openshift_version: "4.14" });
  const infraEnv = await createInfraEnvViaApi(request, { name: uniqueName("hosts-ie"), cluster_id: cluster.id });

  await page.goto(`/infra-envs/${infraEnv.id}`);
  await expect(hostsPanel(page)).toContainText("Boot hosts from this infra-env's discovery ISO; they appear here.");

  // The ISO dialog ends with what to do next.
  await page
    .getByRole("region", { name: "Discovery ISO" })
    .getByRole("button", { name: "Generate discovery ISO" })
    .click();
  const dialog = page.getByRole("dialog", { name: "Generate discovery ISO" });
  await dialog.getByRole("button", { name: "Generate", exact: true }).click();
  const next = dialog.getByRole("region", { name: "Next steps" });
  await expect(next).toContainText("Boot the hosts from this ISO", { timeout: 120_000 });
  await expect(next).toContainText("appears below under Hosts");
  await dialog.getByRole("button", { name: "Done" }).click();

  // Everything from here on must arrive without a reload: this mark would be lost.
  await page.evaluate(() => Object.assign(window, { __noReload: true }));

  const token = await agentToken(request, infraEnv.id);
  const wrongIso = new SimulatedAgent(request, infraEnv.id, token);
  await wrongIso.register();
  await expect(rowOf(page, wrongIso.hostId)).toContainText("Discovering");
  await wrongIso.reportInventory(inventory("arm-node-1", "aarch64", 8, 32));
  const armRow = rowOf(page, "arm-node-1");
  await expect(armRow).toContainText("Insufficient");
  await expect(armRow).toContainText(
    "Host CPU architecture aarch64 does not match the infra-env's x86_64: it booted the wrong ISO",
  );
  await expect(armRow.locator("[data-arch-mismatch]")).toContainText("aarch64");
  await expect(armRow.locator("[data-arch-mismatch]")).toHaveAttribute("title", /it booted the wrong ISO/);

  const good = new SimulatedAgent(request, infraEnv.id, token);
  await good.register();
  await good.reportInventory(inventory("cp-1", "x86_64", 4, 16));
  const goodRow = rowOf(page, "cp-1");
  await expect(goodRow).toContainText("Known");
  await expect(goodRow).toContainText("x86_64");
  await expect(goodRow).toContainText("16.0 GiB");
  await expect(goodRow).toContainText("Auto (control plane)");
  await expect(hostsPanel(page)).toContainText("2 hosts, 1 known");
  await hostsPanel(page).screenshot({ path: `${SHOTS}/hosts-table.png` });

  // The drawer: full inventory and each validation with its sentence.
  await armRow.getByRole("button", { name: "arm-node-1" }).click();
  const drawer = page.getByRole("dialog", { name: "Host arm-node-1" });
  await expect(drawer.locator('[data-validation="cpu-architecture-compatible"]')).toHaveAttribute(
    "data-status",
    "failure",
  );
  await expect(drawer.locator('[data-validation="cpu-architecture-compatible"]')).toContainText(
    "Failed: Host CPU architecture aarch64 does not match the infra-env's x86_64: it booted the wrong ISO",
  );
  await expect(drawer.locator('[data-validation="has-min-valid-disks"]')).toContainText("Passed: 1 eligible disk");
  await expect(drawer.getByRole("table", { name: "Disks (2)" })).toContainText("discovery ISO");
  await expect(drawer.getByRole("table", { name: "Network interfaces (2)" })).toContainText("52:54:00:aa:bb:01");
  await expect(drawer).toContainText("Neoverse-N1");
  await page.screenshot({ path: `${SHOTS}/host-drawer.png` });
  await drawer.getByRole("table", { name: "Network interfaces (2)" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/host-drawer-inventory.png` });
  await drawer.getByRole("button", { name: "Close" }).click();

  // Change the role from the drawer: the good host becomes a control plane node explicitly.
  await goodRow.getByRole("button", { name: "cp-1" }).click();
  const cpDrawer = page.getByRole("dialog", { name: "Host cp-1" });
  await cpDrawer.getByLabel("Role").selectOption("master");
  await cpDrawer.getByRole("button", { name: "Save" }).click();
  await expect(cpDrawer.getByRole("status")).toHaveText("Saved");
  await cpDrawer.getByRole("button", { name: "Close" }).click();
  await expect(goodRow).toContainText("Control plane");
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  // The cluster page: its hosts, and readiness as a checklist.
  await page.goto(`/clusters/${cluster.id}`);
  const checklist = page.getByRole("list", { name: "Readiness checklist" });
  await expect(checklist.locator('[data-check="pull-secret-set"]')).toContainText("To do: Pull secret set");
  await expect(checklist.locator('[data-check="sufficient-masters-count"]')).toContainText(
    "2 of 3 control plane hosts",
  );
  await expect(checklist.locator('[data-check="all-hosts-are-ready-to-install"]')).toContainText(
    "1 of 2 hosts not ready (1 insufficient)",
  );
  await expect(rowOf(page, "cp-1")).toContainText("Control plane");
  await page.screenshot({ path: `${SHOTS}/cluster-readiness.png`, fullPage: true });
});

test("a host of an infra-env in no cluster is shown unbound, in the anchor's -unbound vocabulary", async ({
  page,
  request,
}) => {
  const infraEnv = await createInfraEnvViaApi(request, { name: uniqueName("unbound-ie"), openshift_version: "4.14" });
  await page.goto(`/infra-envs/${infraEnv.id}`);
  await expect(hostsPanel(page)).toContainText("Boot hosts from this infra-env's discovery ISO; they appear here.");
  const agent = new SimulatedAgent(request, infraEnv.id, await agentToken(request, infraEnv.id));
  await agent.register();
  await expect(rowOf(page, agent.hostId)).toContainText("Discovering (unbound)");
  await agent.reportInventory(inventory("spare-1", "x86_64", 4, 16));
  await expect(rowOf(page, "spare-1")).toContainText("Known (unbound)");
  await expect(hostsPanel(page)).toContainText("1 host, 1 known");
  const listed = await (await request.get(`${API}/infra-envs/${infraEnv.id}/hosts`)).json();
  expect(listed.map((h: { status: string }) => h.status)).toEqual(["known-unbound"]);
});

test("the hosts table shows one page of hosts, pages on the server and counts on the server", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const infraEnv = await createInfraEnvViaApi(request, { name: uniqueName("paged-ie"), openshift_version: "4.14" });
  const token = await agentToken(request, infraEnv.id);
  const agent = () => new SimulatedAgent(request, infraEnv.id, token);
  // A page and a few more: 20 discovering hosts, then 3 known ones, which list last (oldest first).
  await Promise.all(Array.from({ length: 20 }, () => agent().register()));
  const known = [agent(), agent(), agent()];
  for (const [i, a] of known.entries()) {
    await a.register();
    await a.reportInventory(inventory(`paged-known-${i}`, "x86_64", 8, 32));
  }

  const lists: URL[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (req.method() === "GET" && url.pathname === `${API}/infra-envs/${infraEnv.id}/hosts`) lists.push(url);
  });
  await page.goto(`/infra-envs/${infraEnv.id}`);
  const panel = hostsPanel(page);
  const pages = panel.getByRole("navigation", { name: "Host pages" });
  const rows = panel.getByRole("table", { name: "Hosts" }).locator("tbody tr");
  await expect(pages).toContainText("1–20 of 23");
  await expect(rows).toHaveCount(20);
  // The known hosts are all on page 2: the count is the server's, not the page's.
  await expect(panel).toContainText("23 hosts, 3 known · updates live");
  await expect(rows.filter({ hasText: "paged-known" })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/hosts-paged.png`, fullPage: true });

  await pages.getByRole("button", { name: "Next" }).click();
  await expect(pages).toContainText("21–23 of 23");
  await expect(rows).toHaveCount(3);
  for (const [i, row] of ["paged-known-0", "paged-known-1", "paged-known-2"].entries())
    await expect(rows.nth(i)).toContainText(row);
  await expect(pages.getByRole("button", { name: "Next" })).toBeDisabled();

  // Page 2 follows live: a host registering now lists last, on it.
  const late = agent();
  await late.register();
  await expect(pages).toContainText("21–24 of 24");
  await expect(rows.nth(3)).toContainText(late.hostId);
  await expect(panel).toContainText("24 hosts, 3 known");

  // Every host of page 2 deregistered elsewhere: the empty page steps back to page 1.
  for (const a of [...known, late])
    expect((await request.delete(`${API}/infra-envs/${infraEnv.id}/hosts/${a.hostId}`)).status()).toBe(204);
  await expect(pages).toContainText("1–20 of 20", { timeout: 15_000 });
  await expect(rows).toHaveCount(20);
  await expect(panel).toContainText("20 hosts, 0 known");

  // The browser only ever asked for pages: 20 rows, or one row of the known hosts to read their total.
  expect(lists.length).toBeGreaterThan(4);
  for (const url of lists) {
    const { limit, status } = Object.fromEntries(url.searchParams);
    expect([limit, status ?? ""], url.search).toEqual(status ? ["1", "known,known-unbound"] : ["20", ""]);
  }
  expect(lists.some((u) => u.searchParams.get("offset") === "20")).toBe(true);
});

// Test helpers for the hosts API: a simulated discovery agent that finds its token where a booted
// host does (the discovery Ignition), and assisted-style inventories.
import { randomUUID } from "node:crypto";
import * as files from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/downloads/files/route";
import * as instructions from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/hosts/[host_id]/instructions/route";
import * as hosts from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/hosts/route";
import { call } from "./http";

const GiB = 1024 ** 3;
const GB = 1000 ** 3;

/** The agent token, read from /etc/assisted/agent-token in the infra-env's discovery Ignition. */
export async function agentTokenOf(infraEnvId: string): Promise<string> {
  const res = await call(files.GET, {
    path: `/api/assisted-install/v2/infra-envs/${infraEnvId}/downloads/files?file_name=discovery.ign`,
    params: { infra_env_id: infraEnvId },
  });
  const file = res.body.storage.files.find((f: { path: string }) => f.path === "/etc/assisted/agent-token");
  return Buffer.from(file.contents.source.replace(/^data:;base64,/, ""), "base64").toString("utf8");
}

export type InventoryOpts = {
  arch?: string;
  cores?: number;
  memoryGiB?: number;
  hostname?: string;
  disks?: { name: string; sizeGB: number; removable?: boolean; is_installation_media?: boolean; read_only?: boolean }[];
};

export function inventory(o: InventoryOpts = {}) {
  return {
    hostname: o.hostname ?? "worker-1",
    cpu: { architecture: o.arch ?? "x86_64", count: o.cores ?? 8, model_name: "Intel Xeon (Icelake)" },
    memory: { physical_bytes: (o.memoryGiB ?? 32) * GiB, usable_bytes: (o.memoryGiB ?? 32) * GiB - 512 * 1024 ** 2 },
    disks: (o.disks ?? [{ name: "vda", sizeGB: 120 }]).map((d) => ({
      name: d.name,
      path: `/dev/${d.name}`,
      drive_type: d.is_installation_media ? "ODD" : "HDD",
      size_bytes: d.sizeGB * GB,
      removable: d.removable ?? false,
      is_installation_media: d.is_installation_media ?? false,
      ...(d.read_only ? { read_only: true } : {}),
    })),
    interfaces: [{ name: "eth0", mac_address: "52:54:00:12:34:56", ipv4_addresses: ["192.168.122.10/24"] }],
    system_vendor: { manufacturer: "QEMU", product_name: "Standard PC (Q35 + ICH9, 2009)", virtual: true },
    boot: { current_boot_mode: "uefi" },
  };
}

/** A discovery agent of one host in one infra-env, speaking the agent API. */
export class Agent {
  readonly hostId = randomUUID();
  constructor(
    readonly infraEnvId: string,
    readonly token: string,
  ) {}

  private headers() {
    return { "x-secret-key": this.token };
  }
  private base() {
    return `/api/assisted-install/v2/infra-envs/${this.infraEnvId}/hosts`;
  }

  register(hostId: string = this.hostId) {
    return call(hosts.POST, {
      method: "POST",
      path: this.base(),
      params: { infra_env_id: this.infraEnvId },
      headers: this.headers(),
      body: { host_id: hostId, discovery_agent_version: "archway-test-1" },
    });
  }

  instructions() {
    return call(instructions.GET, {
      path: `${this.base()}/${this.hostId}/instructions`,
      params: { infra_env_id: this.infraEnvId, host_id: this.hostId },
      headers: this.headers(),
    });
  }

  reply(body: unknown) {
    return call(instructions.POST, {
      method: "POST",
      path: `${this.base()}/${this.hostId}/instructions`,
      params: { infra_env_id: this.infraEnvId, host_id: this.hostId },
      headers: this.headers(),
      body,
    });
  }

  sendInventory(inv: unknown) {
    return this.reply({
      step_type: "inventory",
      step_id: "inventory-1",
      exit_code: 0,
      output: typeof inv === "string" ? inv : JSON.stringify(inv),
    });
  }

  /** Registers, asks for instructions and answers the inventory step. */
  async boot(opts: InventoryOpts = {}) {
    const reg = await this.register();
    if (reg.status !== 201) throw new Error(`register: ${reg.status} ${reg.text}`);
    await this.instructions();
    const res = await this.sendInventory(inventory(opts));
    if (res.status !== 204) throw new Error(`inventory: ${res.status} ${res.text}`);
  }
}

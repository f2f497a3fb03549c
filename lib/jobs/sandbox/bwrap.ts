// Starts a job process inside bubblewrap: its own user, pid, mount, ipc, uts, cgroup and network
// namespaces; bwrap itself runs as the unprivileged host uid `uidBase`, and we (root) map ids
// 0-65535 inside to uidBase.. outside before it continues, so the script is root of the image and can
// chown within it while every file and process it owns is a high, unprivileged uid on the host.
// Directories reach the sandbox as open file descriptors, so no host path above them needs to be
// searchable by that uid (data/ stays 0700).
import "server-only";
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, constants, lstatSync, openSync, readlinkSync, writeFileSync } from "node:fs";
import type { JobCgroup } from "./cgroup";

export const ID_RANGE = 65_536;

// What root inside may still do: own and change files of the image, switch users (package
// managers), signal its processes. No CAP_MKNOD (no device nodes), no CAP_SYS_ADMIN (no mounts),
// no CAP_NET_*RAW/ADMIN; and every capability is only good inside the job's own namespaces.
const CAPS = [
  "CAP_CHOWN",
  "CAP_DAC_OVERRIDE",
  "CAP_DAC_READ_SEARCH",
  "CAP_FOWNER",
  "CAP_FSETID",
  "CAP_KILL",
  "CAP_SETGID",
  "CAP_SETUID",
  "CAP_SETPCAP",
  "CAP_SETFCAP",
  "CAP_NET_BIND_SERVICE",
  "CAP_SYS_CHROOT",
  "CAP_AUDIT_WRITE",
];

export type SandboxSpec = {
  /** The image root, mounted read-write as /; null for the tools view (the host's /usr, read-only). */
  root: string | null;
  /** A directory mounted read-write at /scratch (the job's scratch disk, for unsquashfs/mksquashfs). */
  scratch?: string;
  cgroup: JobCgroup;
  uidBase: number;
  network: boolean;
  /** Files bwrap writes inside the sandbox before the command starts (as the sandbox's root). */
  files?: { dest: string; content: string }[];
};

/** The host's /usr read-only, with / layout links (merged /usr) or binds (split /usr). */
function hostToolArgs(): string[] {
  const args = ["--ro-bind", "/usr", "/usr", "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"];
  for (const d of ["bin", "sbin", "lib", "lib64", "lib32", "libx32"]) {
    try {
      const st = lstatSync(`/${d}`);
      if (st.isSymbolicLink()) args.push("--symlink", readlinkSync(`/${d}`), `/${d}`);
      else if (st.isDirectory()) args.push("--ro-bind", `/${d}`, `/${d}`);
    } catch {
      // not on this host
    }
  }
  return args;
}

const openDir = (dir: string) => openSync(dir, constants.O_RDONLY | constants.O_DIRECTORY);

/**
 * Spawns `cmd args` in the sandbox. The child's pid is bwrap's; `ready` resolves once the namespace
 * ids are mapped and the processes are in the job's cgroup (only then does anything inside run).
 */
export function spawnSandboxed(
  spec: SandboxSpec,
  cmd: string,
  args: string[],
  opts: { cwd: string; env: Record<string, string>; stdin: "pipe" | "ignore" },
): { child: ChildProcess; ready: Promise<void> } {
  const fds: number[] = [];
  const argv = [
    "--unshare-user",
    "--unshare-pid",
    "--unshare-ipc",
    "--unshare-uts",
    "--unshare-cgroup-try",
    ...(spec.network ? [] : ["--unshare-net"]),
    "--die-with-parent",
    "--new-session",
    "--hostname",
    "archway-job",
    "--uid",
    "0",
    "--gid",
    "0",
    "--info-fd",
    "3",
    "--userns-block-fd",
    "4",
  ];
  // fds 5.. are the directories handed in, in order.
  if (spec.root) {
    fds.push(openDir(spec.root));
    argv.push("--bind-fd", "5", "/");
  } else {
    argv.push(...hostToolArgs(), "--tmpfs", "/tmp");
  }
  if (spec.scratch) {
    fds.push(openDir(spec.scratch));
    argv.push("--bind-fd", String(4 + fds.length), "/scratch");
  }
  const files = spec.files ?? [];
  const firstFileFd = 5 + fds.length;
  for (const [i, f] of files.entries()) argv.push("--perms", "0755", "--file", String(firstFileFd + i), f.dest);
  if (spec.network) argv.push("--ro-bind-try", "/etc/resolv.conf", "/etc/resolv.conf");
  argv.push("--proc", "/proc", "--dev", "/dev", "--cap-drop", "ALL");
  for (const c of CAPS) argv.push("--cap-add", c);
  argv.push("--chdir", opts.cwd, "--clearenv");
  for (const [k, v] of Object.entries(opts.env)) argv.push("--setenv", k, v);
  argv.push("--", cmd, ...args);

  let child: ChildProcess;
  try {
    child = spawn("bwrap", argv, {
      cwd: "/",
      uid: spec.uidBase,
      gid: spec.uidBase,
      detached: true,
      env: {} as NodeJS.ProcessEnv,
      stdio: [opts.stdin, "pipe", "pipe", "pipe", "pipe", ...fds, ...files.map(() => "pipe" as const)],
    });
    for (const [i, f] of files.entries()) (child.stdio[firstFileFd + i] as NodeJS.WritableStream).end(f.content);
  } finally {
    for (const fd of fds) closeSync(fd);
  }

  const ready = new Promise<void>((resolve, reject) => {
    let info = "";
    const infoPipe = child.stdio[3]!;
    const block = child.stdio[4] as NodeJS.WritableStream;
    child.once("error", reject);
    child.once("exit", () => reject(new Error("bwrap exited before the sandbox was ready")));
    infoPipe.on("data", (d: Buffer) => {
      info += d.toString();
      const m = /"child-pid":\s*(\d+)/.exec(info);
      if (!m || !child.pid) return;
      infoPipe.removeAllListeners("data");
      const inner = Number(m[1]);
      try {
        spec.cgroup.join(child.pid);
        spec.cgroup.join(inner);
        const map = `0 ${spec.uidBase} ${ID_RANGE}\n`;
        writeFileSync(`/proc/${inner}/uid_map`, map);
        writeFileSync(`/proc/${inner}/gid_map`, map);
        block.end("1");
        resolve();
      } catch (err) {
        child.kill("SIGKILL");
        reject(new Error(`Setting up the job sandbox failed: ${(err as Error).message}`));
      }
    });
  });
  ready.catch(() => {});
  return { child, ready };
}

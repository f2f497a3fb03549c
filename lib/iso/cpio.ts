// Writes newc ("070701") cpio archives: the format the Linux kernel unpacks from an initrd, used
// for the Ignition embed area (config.ign) and the sample ISOs' initrds.
export type CpioEntry =
  | { path: string; type: "file"; data: Buffer; mode?: number }
  | { path: string; type: "dir"; mode?: number }
  | { path: string; type: "symlink"; target: string }
  | { path: string; type: "chardev"; major: number; minor: number; mode?: number };

const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const S_IFCHR = 0o020000;

function hex8(n: number): string {
  return n.toString(16).padStart(8, "0");
}

function pad4(len: number): Buffer {
  return Buffer.alloc((4 - (len % 4)) % 4);
}

function record(ino: number, mode: number, data: Buffer, name: string, rdev: [number, number] = [0, 0]): Buffer {
  const nameBytes = Buffer.from(`${name}\0`, "utf8");
  const header = Buffer.from(
    "070701" +
      [ino, mode, 0, 0, mode & S_IFDIR ? 2 : 1, 0, data.length, 0, 0, rdev[0], rdev[1], nameBytes.length, 0]
        .map(hex8)
        .join(""),
    "ascii",
  );
  const head = Buffer.concat([header, nameBytes]);
  return Buffer.concat([head, pad4(head.length), data, pad4(data.length)]);
}

/** Parent directories first (each once), then the entries in the order given, then the trailer. */
export function writeCpio(entries: CpioEntry[]): Buffer {
  const parts: Buffer[] = [];
  const dirs = new Set(entries.filter((e) => e.type === "dir").map((e) => e.path));
  let ino = 1;
  for (const e of entries) {
    const segments = e.path.split("/").slice(0, -1);
    for (let i = 1; i <= segments.length; i++) {
      const dir = segments.slice(0, i).join("/");
      if (dir && !dirs.has(dir)) {
        dirs.add(dir);
        parts.push(record(ino++, S_IFDIR | 0o755, Buffer.alloc(0), dir));
      }
    }
    if (e.type === "file") parts.push(record(ino++, S_IFREG | (e.mode ?? 0o644), e.data, e.path));
    else if (e.type === "dir") parts.push(record(ino++, S_IFDIR | (e.mode ?? 0o755), Buffer.alloc(0), e.path));
    else if (e.type === "symlink") parts.push(record(ino++, S_IFLNK | 0o777, Buffer.from(e.target), e.path));
    else parts.push(record(ino++, S_IFCHR | (e.mode ?? 0o600), Buffer.alloc(0), e.path, [e.major, e.minor]));
  }
  parts.push(record(0, 0, Buffer.alloc(0), "TRAILER!!!"));
  return Buffer.concat(parts);
}

import { describe, expect, it } from "vitest";
import { toolNoiseFlags } from "./tool-noise";

// A customize job's log as the runner writes it (x86_64 sample image, script printing three lines).
const LOG = `Running natively on x86_64
Fetching image 3d57903b-fcca-4205-8abc-029166dd35ca
Unpacking the root and running the customization script
Parallel unsquashfs: Using 2 processors
86 inodes (23 blocks) to write


created 6 files
created 11 directories
created 78 symlinks
created 2 devices
created 0 fifos
created 0 sockets
created 0 hardlinks
[archway] running in x86_64 root natively
hello from the script
  indented script output
created 3 files
Packing the new root
Parallel mksquashfs: Using 2 processors
Creating 4.0 filesystem on /data/jobs/69ba/rootfs.squashfs, block size 131072.

Exportable Squashfs 4.0 filesystem, gzip compressed, data block size 131072
\tcompressed data, compressed metadata, compressed fragments,
\tduplicates are removed
Filesystem size 1160.14 Kbytes (1.13 Mbytes)
\t47.33% of uncompressed filesystem size (2451.21 Kbytes)
Inode table size 547 bytes (0.53 Kbytes)
Number of duplicate files found 0
Number of inodes 97
Number of symbolic links 78
Number of ids (unique uids + gids) 1
Number of uids 1
\troot (0)
Number of gids 1
\troot (0)
rootfs 1191936 bytes, sha256 e711f6f1
registered image noise-test (d3585a5c), x86_64`.split("\n");

describe("toolNoiseFlags", () => {
  const flags = toolNoiseFlags(LOG.map((line) => ({ line })));
  const kept = LOG.filter((_, i) => !flags[i]);

  it("keeps the runner's and the script's own lines", () => {
    expect(kept).toEqual([
      "Running natively on x86_64",
      "Fetching image 3d57903b-fcca-4205-8abc-029166dd35ca",
      "Unpacking the root and running the customization script",
      "[archway] running in x86_64 root natively",
      "hello from the script",
      "  indented script output",
      // Outside a tool's block the same words are the script's: never hidden.
      "created 3 files",
      "Packing the new root",
      "rootfs 1191936 bytes, sha256 e711f6f1",
      "registered image noise-test (d3585a5c), x86_64",
    ]);
  });

  it("hides every line of both tools' output", () => {
    expect(flags.filter(Boolean)).toHaveLength(LOG.length - kept.length);
    expect(LOG.filter((_, i) => flags[i]).some((l) => l.startsWith("Number of inodes"))).toBe(true);
  });
});

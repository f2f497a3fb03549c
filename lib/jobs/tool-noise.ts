// Which job log lines are squashfs-tools' own chatter (unsquashfs unpacking the base root, mksquashfs
// packing the new one: processor counts, per-kind file tallies, compression statistics, progress and
// file listings) rather than what the recipe's or user's script printed. Pure; the log viewer hides
// these on request. A tool's output starts with its banner and runs while lines keep its shapes.

const BANNER = /^Parallel (un|mk)squashfs: Using \d+ processors?$/;

const TOOL_LINE = [
  /^\d+ inodes \(\d+ blocks\) to write$/,
  /^created \d+ (files|directories|symlinks|devices|fifos|sockets|hardlinks)$/,
  /^Creating [\d.]+ filesystem on .*, block size \d+\.$/,
  /^Exportable Squashfs [\d.]+ filesystem/,
  /^(Filesystem|Inode table|Directory table|Fragment table|Export table|Xattr table|Id table) size /,
  /^Number of [\w ()+-]+ \d+$/,
  /^(Number of (uids|gids)) \d+$/,
  // Progress bars (without -no-progress) and file listings (-info / -ls / -lls).
  /^\[[=|/\\\- ]*\]\s+\d+\/\d+\s+\d+%$/,
  /^file .*, uncompressed size \d+ bytes/,
  /^(squashfs-root|\/)\S*$/,
  /^[dlcbps-][rwxsStT-]{9} /,
];

/** A line that continues a tool's output block: blank, indented statistics, or one of its shapes. */
function continuesTool(line: string): boolean {
  return line.trim() === "" || /^\s/.test(line) || TOOL_LINE.some((re) => re.test(line));
}

/** One flag per line, in order: true for squashfs-tools output. */
export function toolNoiseFlags(lines: readonly { line: string }[]): boolean[] {
  let inTool = false;
  return lines.map(({ line }) => {
    if (BANNER.test(line)) inTool = true;
    else if (inTool && !continuesTool(line)) inTool = false;
    return inTool;
  });
}

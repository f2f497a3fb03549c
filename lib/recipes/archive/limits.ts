// How much a recipe archive may hold, and the decompression budget that follows from it.
export type ArchiveLimits = {
  /** Entries of any kind (files, directories, links). */
  maxFiles: number;
  /** Sum of the entries' sizes, uncompressed; also the most any one entry may be. */
  maxBytes: number;
  /** Files the validator reads to parse (config.xml, the template list) must be smaller than this. */
  maxParsedFileBytes: number;
};

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: ArchiveLimits = { maxFiles: 10_000, maxBytes: 512 * MiB, maxParsedFileBytes: MiB };

export function resolveLimits(overrides?: Partial<ArchiveLimits>): ArchiveLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

/**
 * The most the gzip layer may inflate to: the content budget plus tar's own bytes (a header, padding and a
 * possible extended header per entry). Past this, extended headers or trailing data are padding a bomb.
 */
export function decompressedBudget(l: ArchiveLimits): number {
  return l.maxBytes + l.maxFiles * 2048 + MiB;
}

/** Real tar writers pad the end to a 10 KiB record; anything much longer after the end marker is not tar. */
export const MAX_TRAILING_BYTES = MiB;

// Types of scripts/bench/anchor.mjs for its test.
export function curl(url: string, extra?: string[]): { bytes: number; secs: number; ttfbMs: number };
export function sha256OfUrl(url: string): Promise<{ size: number; sha256: string }>;
export function sha256OfFile(file: string): Promise<string>;
export function assertSameFile(file: string, urls: string[], what?: string): Promise<void>;
export function paired(
  ours: string,
  theirs: string,
  runs: number,
  expectBytes: number,
): { ours: number; nginx: number; ratio: number };
export function startNginx(dir: string, work: string): Promise<{ base: string; stop: () => void }>;

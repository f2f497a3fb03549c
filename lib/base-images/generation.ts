// A counter this process bumps whenever it changes a base image row or the image table, so what a
// cache kept about "which file serves this version and architecture" is dropped at once. Changes
// made by other processes reach those caches through their own short lifetime. On globalThis:
// Next bundles instrumentation (where fetch jobs run) and route handlers as separate module copies.
const shared = globalThis as unknown as { archwaySourcesGeneration?: number };

export function sourcesChanged(): void {
  shared.archwaySourcesGeneration = (shared.archwaySourcesGeneration ?? 0) + 1;
}

export function sourcesGeneration(): number {
  return shared.archwaySourcesGeneration ?? 0;
}

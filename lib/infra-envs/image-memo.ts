// Assembled discovery images, kept a while: a rack booting from one infra-env's ISO asks for the same
// image hundreds of times at once, and assembling it (Ignition, gzip, the zero-padded embed area and
// its hash) costs milliseconds and the area's size in memory per request. Keys name everything the
// bytes depend on, so a changed infra-env, base file or agent URL is simply a new entry.
import { LRUCache } from "lru-cache";

const memo = new LRUCache<string, object>({ max: 64 });

export function recalled<T extends object>(key: string): T | undefined {
  return memo.get(key) as T | undefined;
}

export function remembered<T extends object>(key: string, make: () => T): T {
  const hit = recalled<T>(key);
  if (hit) return hit;
  const made = make();
  memo.set(key, made);
  return made;
}

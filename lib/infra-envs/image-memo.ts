// Assembled discovery images, kept a while: a rack booting from one infra-env's ISO asks for the same
// image hundreds of times at once, and assembling it (Ignition, gzip, the zero-padded embed area and
// its hash) costs milliseconds and the area's size in memory per request. Keys name everything the
// bytes depend on, so a changed infra-env, base file or agent URL is simply a new entry.
const MAX_ENTRIES = 64;

const memo = new Map<string, unknown>();

export function remembered<T>(key: string, make: () => T): T {
  if (memo.has(key)) {
    const hit = memo.get(key) as T;
    memo.delete(key); // most recently used last
    memo.set(key, hit);
    return hit;
  }
  const made = make();
  memo.set(key, made);
  if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value as string);
  return made;
}

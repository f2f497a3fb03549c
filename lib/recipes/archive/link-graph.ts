// The archive's symbolic links as the unpacked tree will have them: resolving through links finds
// escapes that look harmless one link at a time (a/l -> .. then a/l/a/l/x -> ../..).
const MAX_HOPS = 40; // what Linux allows before ELOOP

export type Resolution = { path: string } | { escapes: true } | { loop: true };

export class LinkGraph {
  private readonly links = new Map<string, string>();

  add(path: string, target: string) {
    this.links.set(path, target);
  }

  get size() {
    return this.links.size;
  }

  entries(): IterableIterator<[string, string]> {
    return this.links.entries();
  }

  /** The first proper ancestor of `path` that is a symbolic link: writing there would go through it. */
  linkAncestor(path: string): string | undefined {
    if (this.links.size === 0) return undefined;
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join("/");
      if (this.links.has(prefix)) return prefix;
    }
    return undefined;
  }

  /** Follows every link on the way, as the kernel would in the unpacked tree. */
  resolve(path: string): Resolution {
    const out: string[] = [];
    const queue = path.split("/");
    let hops = 0;
    while (queue.length > 0) {
      const part = queue.shift()!;
      if (part === "" || part === ".") continue;
      if (part === "..") {
        if (out.length === 0) return { escapes: true };
        out.pop();
        continue;
      }
      out.push(part);
      const target = this.links.get(out.join("/"));
      if (target === undefined) continue;
      if (++hops > MAX_HOPS) return { loop: true };
      if (target.startsWith("/")) return { escapes: true };
      out.pop();
      queue.unshift(...target.split("/"));
    }
    return { path: out.join("/") };
  }
}

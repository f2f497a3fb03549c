// What the validator learned about an archive while streaming it: each entry's kind, mode and size,
// the links between them, and the few small files it kept to parse.
import { LinkGraph } from "./link-graph";

export type EntryKind = "file" | "dir" | "symlink" | "hardlink";
/** `name` is the entry's path as the archive spells it (errors quote it); map keys are normalised. */
export type IndexedEntry = { name: string; kind: EntryKind; mode: number; size: number; target?: string };

export class ArchiveIndex {
  readonly entries = new Map<string, IndexedEntry>();
  readonly links = new LinkGraph();
  readonly topLevel = new Set<string>();
  /** Normalised path -> the file's text (only the files the checks asked to keep). */
  readonly texts = new Map<string, string>();
  /** Normalised path -> the `{{ var }}` names found in the file. */
  readonly templateVars = new Map<string, Set<string>>();
  count = 0;
  bytes = 0;

  add(path: string, entry: IndexedEntry) {
    this.count++;
    this.bytes += entry.size;
    if (path === "") return; // the archive root itself
    this.topLevel.add(path.split("/")[0]);
    this.entries.set(path, entry);
    if (entry.kind === "symlink") this.links.add(path, entry.target!);
  }

  /** How the archive spells a (normalised) path, for messages. */
  nameOf(path: string): string {
    return this.entries.get(path)?.name ?? path;
  }

  /**
   * The regular file a path ends up naming once links are followed (what `os.path.isfile` and a
   * template loader see after unpacking), or undefined.
   */
  regularFile(path: string): string | undefined {
    const r = this.links.resolve(path);
    if (!("path" in r)) return undefined;
    const entry = this.entries.get(r.path);
    if (entry?.kind === "file") return r.path;
    if (entry?.kind === "hardlink") return this.entries.get(entry.target!)?.kind === "file" ? entry.target : undefined;
    return undefined;
  }
}

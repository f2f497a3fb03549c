// Parses a kiwi-ng config.xml into a plain element tree. Entities are never expanded (no billion
// laughs), and the document must be an <image> description.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { RecipeArchiveError } from "./errors";

export type XmlElement = { tag: string; attrs: Record<string, string>; children: XmlElement[] };

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, unknown> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  maxNestedTags: 64,
});

export function parseKiwiConfig(text: string, entry: string): XmlElement {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const where = valid.err.line ? ` at line ${valid.err.line}${valid.err.col ? `, column ${valid.err.col}` : ""}` : "";
    throw new RecipeArchiveError(`not well-formed XML${where}: ${valid.err.msg}`, entry);
  }
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch (err) {
    throw new RecipeArchiveError(`cannot be parsed as XML: ${(err as Error).message}`, entry);
  }
  const root = toElements(nodes).find(Boolean);
  if (!root) throw new RecipeArchiveError("has no root element", entry);
  if (root.tag !== "image")
    throw new RecipeArchiveError(`the root element is <${root.tag}>; a kiwi-ng description has <image>`, entry);
  return root;
}

function toElements(nodes: OrderedNode[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of nodes) {
    const tag = Object.keys(node).find((k) => k !== ":@");
    if (!tag || tag.startsWith("#") || tag.startsWith("?") || tag.startsWith("!")) continue;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(node[":@"] ?? {})) attrs[k] = String(v);
    out.push({ tag, attrs, children: toElements((node[tag] as OrderedNode[]) ?? []) });
  }
  return out;
}

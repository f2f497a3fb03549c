// Merges an operator's Ignition override into a generated config the way Ignition's own
// "merge" does for the parts that have identities: files, directories and links by path, units by
// name, users by name. Anything else: objects merge key by key, the override's scalars win.
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const KEYED: Record<string, string> = {
  "storage.files": "path",
  "storage.directories": "path",
  "storage.links": "path",
  "systemd.units": "name",
  "passwd.users": "name",
  "passwd.groups": "name",
};

function isObj(v: Json | undefined): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function mergeList(base: Json[], over: Json[], key: string | undefined, at: string): Json[] {
  if (!key) return [...base, ...over];
  const out = [...base];
  for (const item of over) {
    const id = isObj(item) ? item[key] : undefined;
    const i = out.findIndex((b) => isObj(b) && b[key] === id);
    if (i < 0) out.push(item);
    else out[i] = at === "passwd.users" ? mergeUser(out[i] as Obj, item as Obj) : item;
  }
  return out;
}

// Users keep every SSH key from both sides: the override adds access, it does not revoke ours.
function mergeUser(base: Obj, over: Obj): Obj {
  const keys = [...((base.sshAuthorizedKeys as string[]) ?? []), ...((over.sshAuthorizedKeys as string[]) ?? [])];
  return { ...base, ...over, sshAuthorizedKeys: [...new Set(keys)] };
}

export function mergeIgnition(base: Obj, over: Obj, at = ""): Obj {
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const path = at ? `${at}.${k}` : k;
    const current = out[k];
    if (Array.isArray(v) && Array.isArray(current)) out[k] = mergeList(current, v, KEYED[path], path);
    else if (isObj(v) && isObj(current)) out[k] = mergeIgnition(current, v, path);
    else out[k] = v;
  }
  return out;
}

export type { Obj as IgnitionObject };

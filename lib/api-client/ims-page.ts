// Shared by the IMS browser clients: the API base, and lists paged by limit/offset whose total
// comes in the X-Total-Count header (the assisted lists page the same way).
import { apiRequest, type Query, withQuery } from "./http";

export const IMS_API = "/apis/ims/v3";

/** `arch` in the IMS spelling (aarch64); empty values are left out of the query. */
export type ImsListFilter = { name?: string; arch?: string; limit?: number; offset?: number };

export type Page<T> = { items: T[]; total: number };

export async function listPage<T>(path: string, filter: Query): Promise<Page<T>> {
  const res = await apiRequest(withQuery(path, filter));
  const items = (await res.json()) as T[];
  const total = Number(res.headers.get("X-Total-Count") ?? Number.NaN);
  return { items, total: Number.isFinite(total) ? total : items.length };
}

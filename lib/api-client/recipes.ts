// Browser client for /apis/ims/v3/recipes, including the archive upload: the raw tar.gz as the
// request body, sent with XMLHttpRequest so the form can show upload progress.
import type { RecipeCreate, RecipePatch } from "@/lib/recipes/schemas";
import type { RecipeJson } from "@/lib/recipes/serialize";
import { apiErrorFrom } from "./api-error";
import { apiJson } from "./http";
import { IMS_API, type ImsListFilter, listPage } from "./ims-page";

export type { RecipeJson };

/** What the server found in an accepted archive; warnings are not stored, only answered once. */
export type RecipeArchiveReport = { files: number; warnings: string[] };
export type UploadedRecipeJson = RecipeJson & { archive: RecipeArchiveReport };
export type UploadProgress = { loaded: number; total: number };

const base = `${IMS_API}/recipes`;
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listRecipes = (filter: ImsListFilter) => listPage<RecipeJson>(base, filter);

export const getRecipe = (id: string) => apiJson<RecipeJson>(one(id));

export const createRecipe = (body: RecipeCreate) => apiJson<RecipeJson>(base, { method: "POST", json: body });

export const patchRecipe = (id: string, patch: RecipePatch) =>
  apiJson<RecipeJson>(one(id), { method: "PATCH", json: patch });

/** 409 with `errors.jobs` while jobs build from the recipe. */
export const deleteRecipe = (id: string) => apiJson<void>(one(id), { method: "DELETE" });

/** GET downloads the stored archive (Content-Disposition: attachment). */
export const recipeArchiveHref = (id: string) => `${one(id)}/archive`;

/**
 * PUTs the archive. Resolves with the recipe and the archive report; rejects with an ApiError (422
 * names the offending entry, 413 too large), an AbortError when `signal` aborts, or an Error when
 * the connection drops.
 */
export function uploadRecipeArchive(
  id: string,
  file: Blob,
  opts: { onProgress?: (p: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<UploadedRecipeJson> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new DOMException("The upload was cancelled", "AbortError"));
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", recipeArchiveHref(id));
    xhr.setRequestHeader("Content-Type", "application/gzip");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) =>
      opts.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadedRecipeJson);
        } catch {
          reject(new Error("The server accepted the archive but its answer was not JSON"));
        }
        return;
      }
      const retryAfter = xhr.getResponseHeader("Retry-After");
      const res = new Response(xhr.responseText, {
        status: xhr.status,
        statusText: xhr.statusText,
        headers: retryAfter ? { "Retry-After": retryAfter } : {},
      });
      void apiErrorFrom(res).then(reject);
    };
    // The server may refuse a too-large body before reading it all and close the connection; the
    // browser then reports a network error rather than the 413.
    xhr.onerror = () =>
      reject(
        new Error(
          "The upload was interrupted: the connection to the server closed (a too-large archive can cause this)",
        ),
      );
    xhr.onabort = () => reject(new DOMException("The upload was cancelled", "AbortError"));
    opts.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

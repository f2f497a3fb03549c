// Browser client for /api/assisted-install/v2/os-images: the whole OS image / release image table,
// each OS image row with its cached base ISO, and the job that (re)fetches one.
import { ASSISTED_API, apiJson } from "./http";

export type BaseImageStatus = "missing" | "fetching" | "ready" | "failed";

/** The local copy of a row's live ISO; rows with the same url share one. */
export type BaseImageJson = {
  id?: number;
  status: BaseImageStatus;
  size_bytes?: number;
  sha256?: string;
  /** Architecture of the kernel found on the ISO, in the assisted spelling ("arm64"). */
  detected_arch?: string;
  error?: string;
  job_id?: string;
  fetched_at?: string;
};

export type OsImageJson = {
  id: number;
  openshift_version: string;
  cpu_architecture: string;
  url: string;
  rootfs_url?: string;
  version: string;
  source: string;
  base_image: BaseImageJson;
};

export type ReleaseImageJson = {
  openshift_version: string;
  cpu_architecture: string;
  cpu_architectures?: string[];
  url: string;
  version: string;
  default?: boolean;
  support_level?: string;
  source: string;
};

export type ImageTableJson = { os_images: OsImageJson[]; release_images: ReleaseImageJson[] };

export type FetchStartedJson = { job_id: string; href: string };

export const getImageTable = () => apiJson<ImageTableJson>(`${ASSISTED_API}/os-images`);

/** Starts (or joins, when one already runs) the fetch-and-verify job of a row's base ISO. */
export const fetchBaseImage = (osImageId: number) =>
  apiJson<FetchStartedJson>(`${ASSISTED_API}/os-images/${encodeURIComponent(String(osImageId))}/fetch`, {
    method: "POST",
  });

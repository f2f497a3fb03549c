// Browser client for /api/assisted-install/v2/os-images: the whole OS image / release image table.
import { apiJson, ASSISTED_API } from "./http";

export type OsImageJson = {
  openshift_version: string;
  cpu_architecture: string;
  url: string;
  rootfs_url?: string;
  version: string;
  source: string;
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

export const getImageTable = () => apiJson<ImageTableJson>(`${ASSISTED_API}/os-images`);

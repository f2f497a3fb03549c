// Browser client for /api/v1/system: what the console's host lacks (missing Debian packages).
import { apiJson } from "./http";

export type SystemJson = {
  packages_checked: boolean;
  missing_packages: { name: string; needed_for: string }[];
  install_command: string | null;
};

export const getSystem = () => apiJson<SystemJson>("/api/v1/system");

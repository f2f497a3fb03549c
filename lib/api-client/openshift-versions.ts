// Browser client for /api/assisted-install/v2/openshift-versions: which versions and architectures
// the image table offers.
import type { OpenshiftVersion } from "@/lib/catalog/queries";
import { ASSISTED_API, apiJson } from "./http";

export type { OpenshiftVersion };
/** Keyed by the version to send back as `openshift_version` ("4.14"). */
export type OpenshiftVersions = Record<string, OpenshiftVersion>;

export const listOpenshiftVersions = () => apiJson<OpenshiftVersions>(`${ASSISTED_API}/openshift-versions`);

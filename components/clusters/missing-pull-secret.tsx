// What a cluster without a pull secret can and cannot do here. Nothing in Archway reads the
// cluster's pull secret yet (discovery ISOs carry the infra-env's own), so creation goes ahead.
import { InlineNotice } from "@/components/ui/inline-notice";

export function MissingPullSecret() {
  return (
    <InlineNotice tone="warning" title="No pull secret">
      The cluster can be created and its infra-envs can make discovery ISOs without one. Installing OpenShift needs it:
      the release images come from registries that require it. You can add it later with Edit.
    </InlineNotice>
  );
}

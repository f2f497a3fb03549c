"use client";
import { ArchRadioGroup } from "@/components/catalog/arch-radio-group";
import { RadioGroup } from "@/components/ui/radio-group";
import { SelectField } from "@/components/ui/select-field";
import type { ClusterJson } from "@/lib/api-client/clusters";
// Version, architecture and image type of a new infra-env. Bound to a cluster, the version is the
// cluster's and the architecture must match it.
import { archDisplayName, parseArch } from "@/lib/arch";
import { sortedVersionKeys, versionLabel } from "@/lib/catalog/arch-availability";
import { IMAGE_TYPE_OPTIONS } from "./format";
import {
  archOptions,
  type FormContext,
  type ImageType,
  type InfraEnvField,
  type InfraEnvFormValues,
} from "./infra-env-form-state";

type Props = {
  values: InfraEnvFormValues;
  ctx: FormContext;
  cluster: ClusterJson | undefined;
  errors: Partial<Record<InfraEnvField, string[]>>;
  onChange: (patch: Partial<InfraEnvFormValues>, field: InfraEnvField) => void;
};

export function InfraEnvArchFields({ values, ctx, cluster, errors, onChange }: Props) {
  const keys = sortedVersionKeys(ctx.versions);
  const versionKeys = keys.includes(values.version) || !values.version ? keys : [values.version, ...keys];
  const clusterArch = cluster ? archDisplayName(parseArch(cluster.cpu_architecture) ?? "x86_64") : null;
  return (
    <>
      <SelectField
        label="OpenShift version"
        name="openshift_version"
        value={values.version}
        disabled={!!cluster}
        onChange={(e) => onChange({ version: e.target.value }, "openshift_version")}
        error={errors.openshift_version}
        hint={
          cluster
            ? `Fixed to the version of cluster ${cluster.name}.`
            : "Selects the OS image the discovery ISO is built from."
        }
      >
        {versionKeys.map((key) => (
          <option key={key} value={key}>
            {versionLabel(key, ctx.versions[key])}
          </option>
        ))}
      </SelectField>
      <ArchRadioGroup
        name="cpu_architecture"
        showTopology={false}
        value={values.arch}
        options={archOptions(values, ctx)}
        onChange={(arch) => onChange({ arch }, "cpu_architecture")}
        error={errors.cpu_architecture}
        hint={
          cluster
            ? `Cluster ${cluster.name} is ${clusterArch}; the discovery ISO boots hosts of one architecture. Cannot be changed later.`
            : "The discovery ISO boots hosts of this architecture only. Cannot be changed later."
        }
      />
      <RadioGroup<ImageType>
        legend="Image type"
        name="image_type"
        value={values.imageType}
        onChange={(imageType) => onChange({ imageType }, "image_type")}
        error={errors.image_type}
        layout="grid"
        options={IMAGE_TYPE_OPTIONS}
      />
    </>
  );
}

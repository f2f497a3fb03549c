"use client";
// The settings the discovery ISO is built with: image type, SSH key, proxy, kernel arguments.
import { RadioGroup } from "@/components/ui/radio-group";
import { TextAreaField } from "@/components/ui/text-field";
import type { IsoField, IsoFormValues } from "./discovery-iso-form-state";
import { IMAGE_TYPE_OPTIONS } from "./format";
import { InfraEnvOptionalFields } from "./infra-env-optional-fields";

type Props = {
  values: IsoFormValues;
  errors: Partial<Record<IsoField, string[]>>;
  onChange: (patch: Partial<IsoFormValues>, field: IsoField) => void;
};

export function DiscoveryIsoFields({ values, errors, onChange }: Props) {
  return (
    <>
      <RadioGroup
        legend="Image type"
        name="image_type"
        value={values.imageType}
        onChange={(imageType) => onChange({ imageType }, "image_type")}
        error={errors.image_type}
        layout="grid"
        options={IMAGE_TYPE_OPTIONS}
      />
      <TextAreaField
        label="SSH public key"
        name="ssh_authorized_key"
        optional
        placeholder="ssh-ed25519 AAAA… user@host"
        value={values.sshKey}
        onChange={(e) => onChange({ sshKey: e.target.value }, "ssh_authorized_key")}
        error={errors.ssh_authorized_key}
        hint="Lets you log in to hosts running the discovery ISO as user core. Clear it to remove the key."
      />
      <InfraEnvOptionalFields
        values={values}
        errors={errors}
        onChange={(patch, field) => onChange(patch, field as IsoField)}
      />
    </>
  );
}

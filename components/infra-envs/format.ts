// How infra-env facts read in the console.
import type { RadioOption } from "@/components/ui/radio-group";

const IMAGE_TYPES: Record<string, string> = { "full-iso": "Full ISO", "minimal-iso": "Minimal ISO" };

export function imageTypeLabel(type: string): string {
  return IMAGE_TYPES[type] ?? type;
}

export const LATE_BINDING = "Not bound (late binding)";

export const IMAGE_TYPE_OPTIONS: RadioOption<"full-iso" | "minimal-iso">[] = [
  { value: "full-iso", label: "Full ISO", note: "Everything on the ISO; boots without network access to this server" },
  {
    value: "minimal-iso",
    label: "Minimal ISO",
    note: "Smaller download; fetches the root filesystem from this server at boot",
  },
];

/** The file name the server gives the ISO (Content-Disposition), for the wget/curl commands. */
export function isoFileName(infraEnvName: string, imageType: string): string {
  return `discovery_image_${infraEnvName.replace(/[^\w.-]+/g, "_")}${imageType === "minimal-iso" ? "_minimal" : ""}.iso`;
}

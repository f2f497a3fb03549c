// How infra-env facts read in the console.
const IMAGE_TYPES: Record<string, string> = { "full-iso": "Full ISO", "minimal-iso": "Minimal ISO" };

export function imageTypeLabel(type: string): string {
  return IMAGE_TYPES[type] ?? type;
}

export const LATE_BINDING = "Not bound (late binding)";

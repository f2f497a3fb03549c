// <option>s for every CPU architecture, by display name with the value in the IMS spelling.
import { ARCHES, archDisplayName, toImsArch } from "@/lib/arch";

export function ArchOptions() {
  return (
    <>
      {ARCHES.map((arch) => (
        <option key={arch} value={toImsArch(arch)}>
          {archDisplayName(arch)}
        </option>
      ))}
    </>
  );
}

// A size in bytes as people read it (binary units, "43.2 MiB"), with the exact count on hover.
const UNITS = ["bytes", "KiB", "MiB", "GiB", "TiB"];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

export function ByteSize({ bytes }: { bytes: number }) {
  return (
    <span title={`${bytes.toLocaleString("en-US")} bytes`} className="whitespace-nowrap tabular-nums">
      {formatBytes(bytes)}
    </span>
  );
}

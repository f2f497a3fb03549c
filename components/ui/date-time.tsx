"use client";
// A timestamp in the reader's locale and time zone, with the exact ISO time on hover.
const FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function DateTime({ value }: { value: string }) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  // The server renders in its own zone; the browser's answer is the one that counts.
  return (
    <time dateTime={value} title={value} suppressHydrationWarning className="whitespace-nowrap tabular-nums">
      {FORMAT.format(date)}
    </time>
  );
}

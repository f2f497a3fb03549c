"use client";
// How long a download link still works, counted down in the reader's clock: "Expires in 3 h 59 min — at 18:42".
import { useNow } from "@/components/ui/use-now";

const TIME = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "less than a minute";
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${m} min` : `${m} min`;
}

export function IsoExpiry({ expiresAt }: { expiresAt: string }) {
  const now = useNow(15_000);
  const at = new Date(expiresAt);
  const when = at.toDateString() === new Date(now).toDateString() ? TIME.format(at) : DATE_TIME.format(at);
  const left = at.getTime() - now;
  return (
    <time dateTime={expiresAt} title={expiresAt} className={left <= 0 ? "font-medium text-red-700" : undefined}>
      {left <= 0 ? `Expired at ${when}; refresh the link` : `Expires in ${duration(left)} — at ${when}`}
    </time>
  );
}

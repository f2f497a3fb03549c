// An image's labels as small key=value badges; past `max`, a count of the rest.
import { Badge } from "@/components/ui/badge";

export function LabelBadges({ labels, max = 4 }: { labels: Record<string, string>; max?: number }) {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <span className="text-slate-400">—</span>;
  const shown = entries.slice(0, max);
  return (
    <ul aria-label="Labels" className="flex max-w-md flex-wrap gap-1">
      {shown.map(([k, v]) => (
        <li key={k}>
          <Badge title={`${k}=${v}`}>
            <span className="max-w-48 truncate font-mono">
              {k}={v}
            </span>
          </Badge>
        </li>
      ))}
      {entries.length > max ? <li className="text-xs text-slate-500">+{entries.length - max} more</li> : null}
    </ul>
  );
}

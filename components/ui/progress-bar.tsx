// A labelled progress bar; without a value it is indeterminate (no aria-valuenow, a sliding stripe).
type ProgressBarProps = { label: string; value?: number; tone?: "info" | "success" | "danger" };

const FILL = { info: "bg-sky-600", success: "bg-green-600", danger: "bg-red-600" };

export function ProgressBar({ label, value, tone = "info" }: ProgressBarProps) {
  const pct = value === undefined ? undefined : Math.min(100, Math.max(0, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      aria-valuetext={pct === undefined ? "Starting" : `${pct}%`}
      className="relative h-1.5 w-full overflow-hidden rounded-full bg-slate-200"
    >
      {/* Keyed so the first real value does not animate out of the indeterminate stripe. */}
      <div
        key={pct === undefined ? "indeterminate" : "determinate"}
        className={`h-full rounded-full ${FILL[tone]} ${pct === undefined ? "w-1/3 animate-pulse" : "transition-[width] duration-500"}`}
        style={pct === undefined ? undefined : { width: `${pct}%` }}
      />
    </div>
  );
}

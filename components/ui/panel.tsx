// A titled section of a page (facts, related lists, events); the title names the region.
import { type ReactNode, useId } from "react";

/** `flush` drops the body padding, for a table that runs edge to edge. */
export function Panel({
  title,
  actions,
  children,
  description,
  flush,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  description?: ReactNode;
  flush?: boolean;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white shadow-xs">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-2.5">
        <div>
          <h2 id={id} className="text-sm font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <p className="text-xs text-slate-500">{description}</p> : null}
        </div>
        {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
      </div>
      <div className={flush ? "overflow-hidden rounded-b-lg" : "p-4"}>{children}</div>
    </section>
  );
}

// A form-level error (what could not be pinned to one field), announced when it appears.
import type { ReactNode } from "react";

export function FormAlert({
  title = "The request was not accepted",
  children,
}: {
  title?: string;
  children: ReactNode;
}) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      <p className="font-medium">{title}</p>
      <div className="mt-0.5">{children}</div>
    </div>
  );
}

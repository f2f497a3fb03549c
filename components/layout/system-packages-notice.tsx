"use client";
// Above every page while the host lacks Debian packages the console needs: what will not work
// and the one command that fixes it (npm start installs them itself when it runs as root).
import { CopyField } from "@/components/ui/copy-field";
import { useSystem } from "@/lib/queries/use-system";

export function SystemPackagesNotice() {
  const { data } = useSystem();
  if (!data?.install_command) return null;
  const missing = data.missing_packages;
  return (
    <section
      role="status"
      aria-label="Missing system packages"
      className="border-b border-amber-200 bg-amber-50 text-sm text-amber-900"
    >
      <div className="mx-auto max-w-7xl space-y-2 px-4 py-3 sm:px-6">
        <p>
          <span className="font-medium">
            This host lacks {missing.length} Debian package{missing.length === 1 ? "" : "s"} the console needs.
          </span>{" "}
          Until they are installed, these do not work: {[...new Set(missing.map((m) => m.needed_for))].join("; ")}.
        </p>
        <div className="max-w-3xl">
          <CopyField label="Run on the console's host, then restart it" value={data.install_command} what="command" />
        </div>
      </div>
    </section>
  );
}

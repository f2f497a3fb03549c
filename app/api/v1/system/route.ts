// GET /api/v1/system – what this console's host lacks: Debian packages missing at run time, with
// what each is for and the one command that installs them
import { route } from "@/lib/http/route";
import { runtimePackages } from "@/lib/system/packages";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = route({ access: "viewer" }, async () => {
  const report = runtimePackages();
  return {
    packages_checked: report.checked,
    missing_packages: report.missing.map((m) => ({ name: m.name, needed_for: m.neededFor })),
    install_command: report.installCommand,
  };
});

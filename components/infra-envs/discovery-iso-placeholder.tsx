// Where the discovery ISO download will live; said plainly until the feature exists.
import { Panel } from "@/components/ui/panel";

export function DiscoveryIsoPlaceholder() {
  return (
    <Panel title="Discovery ISO">
      <div className="rounded-md border border-dashed border-slate-300 bg-slate-50 px-4 py-3 text-sm text-slate-600">
        <p className="font-medium text-slate-700">Not available yet</p>
        <p className="mt-1">
          ISO generation arrives with the discovery ISO feature: a short download link (with its expiry), the image size and its sha256 will be shown here.
        </p>
      </div>
    </Panel>
  );
}

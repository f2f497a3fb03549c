// An image's facts: architecture (and what it means for customize jobs), manifest link, created.

import { ArchBadge } from "@/components/ui/arch-badge";
import { DateTime } from "@/components/ui/date-time";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { Panel } from "@/components/ui/panel";
import { isArtifactPath } from "@/lib/api-client/artifacts";
import type { ImageJson } from "@/lib/api-client/images";
import { archDisplayName, parseArch } from "@/lib/arch";

export function ImageFacts({ image }: { image: ImageJson }) {
  const arch = parseArch(image.arch);
  return (
    <Panel title="Details">
      <DescriptionList>
        <DescriptionItem term="CPU architecture">
          <ArchBadge arch={image.arch} />
          <p className="mt-1 text-xs text-slate-500">
            Customize jobs from this image run as {arch ? archDisplayName(arch) : image.arch}, and the images they
            produce keep it.
          </p>
        </DescriptionItem>
        <DescriptionItem term="Created">
          <DateTime value={image.created} />
        </DescriptionItem>
        <DescriptionItem term="Manifest" wide>
          {image.link ? (
            <div className="space-y-0.5">
              {isArtifactPath(image.link.path) ? (
                <a href={image.link.path} className="break-all font-mono text-xs text-sky-700 hover:underline">
                  {image.link.path}
                </a>
              ) : (
                <code className="break-all font-mono text-xs">{image.link.path}</code>
              )}
              <p className="text-xs text-slate-500">
                {image.link.type}
                {image.link.etag ? ` · etag ${image.link.etag}` : ""} · set once, cannot change
              </p>
            </div>
          ) : (
            <span className="text-slate-500">None linked yet</span>
          )}
        </DescriptionItem>
        <DescriptionItem term="ID" wide>
          <code className="font-mono text-xs">{image.id}</code>
        </DescriptionItem>
      </DescriptionList>
    </Panel>
  );
}

"use client";
import { imageArchConsequence } from "@/components/ims/arch-consequence";
import { ChangeArchDialog } from "@/components/ims/change-arch-dialog";
// Change an image's architecture (PATCH arch), with what that means for later customize jobs.
import type { ImageJson } from "@/lib/api-client/images";
import { imagePatchSchema } from "@/lib/images/schemas";
import { useUpdateImage } from "@/lib/queries/use-update-image";

export function ChangeImageArchDialog({
  image,
  open,
  onClose,
}: {
  image: ImageJson;
  open: boolean;
  onClose: () => void;
}) {
  const update = useUpdateImage(image.id);
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <ChangeArchDialog
      open={open}
      onClose={close}
      what="image"
      name={image.name}
      current={image.arch}
      consequence={imageArchConsequence}
      schema={imagePatchSchema}
      pending={update.isPending}
      error={update.error?.message}
      onSubmit={(patch, done) => update.mutate(patch, { onSuccess: done })}
    />
  );
}

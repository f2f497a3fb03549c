"use client";
// Delete an image; the server refuses while jobs use or produce it, and the dialog lists them.
import { useRouter } from "next/navigation";
import { DeleteImsButton } from "@/components/ims/delete-ims-button";
import type { ImageJson } from "@/lib/api-client/images";
import { useDeleteImage } from "@/lib/queries/use-delete-image";

export function DeleteImageButton({ image }: { image: ImageJson }) {
  const router = useRouter();
  return (
    <DeleteImsButton
      action="image.delete"
      id={image.id}
      mutation={useDeleteImage()}
      title={`Delete image ${image.name}?`}
      confirmLabel="Delete image"
      onDeleted={() => router.push("/images")}
    >
      <p>
        The image record is removed, and its artifacts too unless another image or recipe shares them. This cannot be
        undone.
      </p>
    </DeleteImsButton>
  );
}

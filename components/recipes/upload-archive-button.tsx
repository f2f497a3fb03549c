"use client";
// Uploads the archive of a recipe created without one (through the API). A refused archive leaves
// the recipe as it was, and the server's reason shows under the file input.
import { type FormEvent, useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import type { RecipeJson } from "@/lib/api-client/recipes";
import { useUploadRecipeArchive } from "@/lib/queries/use-upload-recipe-archive";
import { ArchiveFileField } from "./archive-file-field";

function UploadArchiveForm({
  upload,
  onDone,
}: {
  upload: ReturnType<typeof useUploadRecipeArchive>;
  onDone: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string[] | undefined>();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setError(["Choose the recipe archive (.tar.gz)"]);
    setError(undefined);
    upload.mutate(file, { onSuccess: onDone, onError: (err) => setError([err.message]) });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <DialogBody>
        <ArchiveFileField
          autoFocus
          file={file}
          onChange={setFile}
          error={error}
          uploading={upload.isPending}
          progress={upload.progress}
        />
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onClick={onDone}>
          {upload.isPending ? "Cancel upload" : "Cancel"}
        </Button>
        <Button variant="primary" type="submit" disabled={upload.isPending}>
          {upload.isPending ? "Uploading…" : "Upload archive"}
        </Button>
      </DialogFooter>
    </form>
  );
}

export function UploadArchiveButton({ recipe }: { recipe: RecipeJson }) {
  const [open, setOpen] = useState(false);
  const upload = useUploadRecipeArchive(recipe.id);
  const close = () => {
    upload.cancel();
    upload.reset();
    setOpen(false);
  };
  return (
    <>
      <RoleButton action="recipe.upload" size="sm" variant="primary" onClick={() => setOpen(true)}>
        Upload archive
      </RoleButton>
      <Dialog
        open={open}
        onClose={close}
        title="Upload archive"
        description={`The archive of recipe ${recipe.name}; it is checked against the recipe's type and architecture before anything is stored.`}
      >
        <UploadArchiveForm upload={upload} onDone={close} />
      </Dialog>
    </>
  );
}
